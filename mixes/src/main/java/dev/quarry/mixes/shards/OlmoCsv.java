package dev.quarry.mixes.shards;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The rows of an OLMo {@code .csv.gz}: {@code start,end,id,src,loc}, no header, each row ended
 * by "\n". A field is quoted (RFC 4180: double quotes, inner quotes doubled) only when it holds
 * a comma, a quote, CR or LF, so that plain ids read as themselves.
 */
public final class OlmoCsv {
  private static final int FIELDS = 5;

  private OlmoCsv() {}

  /** The row's text, its newline included. */
  public static String row(OlmoRow row) {
    return row.start() + "," + row.end() + "," + field(row.id()) + "," + field(row.src()) + ","
        + field(row.loc()) + "\n";
  }

  /** A field as it stands in a row: quoted only when it must be. */
  public static String field(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
    }
    return value;
  }

  /** The rows of a gzipped CSV, read to its end. */
  public static List<OlmoRow> read(InputStream csvGz) throws IOException {
    return parse(new InputStreamReader(new GZIPInputStream(csvGz, 1 << 16),
        StandardCharsets.UTF_8));
  }

  /** The rows of CSV text. */
  public static List<OlmoRow> parse(Reader csv) throws IOException {
    CsvFields fields = new CsvFields(csv);
    List<OlmoRow> rows = new ArrayList<>();
    for (List<String> row; (row = fields.row(rows.size())) != null; ) {
      rows.add(toRow(rows.size(), row));
    }
    return rows;
  }

  private static OlmoRow toRow(int index, List<String> fields) throws ShardFormatException {
    if (fields.size() != FIELDS) {
      throw new ShardFormatException("the .csv.gz row of document " + index + " has "
          + fields.size() + " fields, expected " + FIELDS + " (start,end,id,src,loc)");
    }
    return new OlmoRow(offset(index, "start", fields.get(0)), offset(index, "end",
        fields.get(1)), fields.get(2), fields.get(3), fields.get(4));
  }

  private static long offset(int index, String name, String text) throws ShardFormatException {
    try {
      long value = Long.parseLong(text);
      if (value >= 0 && text.equals(Long.toString(value))) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the row it is in
    }
    throw new ShardFormatException("the .csv.gz row of document " + index + " has " + name
        + " \"" + text + "\", expected a token offset (a whole number, 0 or more, in plain"
        + " digits)");
  }

  /** Splits CSV text into rows of fields, by the quoting rule above. */
  private static final class CsvFields {
    private final Reader in;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;

    CsvFields(Reader in) {
      this.in = in;
    }

    /** The next row's fields, or null at the end of the text. */
    List<String> row(int index) throws IOException {
      int c = next();
      if (c < 0) {
        return null;
      }
      List<String> fields = new ArrayList<>(FIELDS);
      StringBuilder field = new StringBuilder();
      while (true) {
        field.setLength(0);
        c = c == '"' ? quoted(index, field) : unquoted(index, c, field);
        fields.add(field.toString());
        if (c == '\n') {
          return fields;
        }
        if (c < 0) {
          throw problem(index, "does not end with a newline");
        }
        c = next(); // after a comma: the next field's first character
      }
    }

    /** Reads a quoted field after its opening quote; returns the character after it. */
    private int quoted(int index, StringBuilder field) throws IOException {
      while (true) {
        int c = next();
        if (c < 0) {
          throw problem(index, "has a quoted field that is never closed");
        }
        if (c == '"') {
          c = next();
          if (c != '"') {
            if (c != ',' && c != '\n' && c >= 0) {
              throw problem(index, "has '" + (char) c + "' after a closing quote, expected a"
                  + " comma or the end of the row");
            }
            return c;
          }
        }
        field.append((char) c);
      }
    }

    /** Reads an unquoted field from its first character {@code c}; returns the one after it. */
    private int unquoted(int index, int c, StringBuilder field) throws IOException {
      for (; c >= 0 && c != ',' && c != '\n'; c = next()) {
        if (c == '"' || c == '\r') {
          throw problem(index, "has an unquoted field with " + (c == '"' ? "a quote" : "a CR")
              + ", which must be quoted");
        }
        field.append((char) c);
      }
      return c;
    }

    private int next() throws IOException {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      return buffer[position++];
    }

    private static ShardFormatException problem(int index, String what) {
      return new ShardFormatException("the .csv.gz row of document " + index + " " + what);
    }
  }
}
