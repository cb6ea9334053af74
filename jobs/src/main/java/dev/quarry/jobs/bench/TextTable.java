package dev.quarry.jobs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table: the first column left-aligned, the others right-aligned. */
public final class TextTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  public TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has "
          + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** The header, a rule, then the rows; each line ends with a newline. */
  public String render() {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headers.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths);
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(c == 0 ? cell + pad : "  " + pad + cell);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  /** A number with {@code decimals} decimals, or "-" when unknown. */
  public static String number(Number value, int decimals) {
    return value == null ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f",
        value.doubleValue());
  }
}
