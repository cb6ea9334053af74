package dev.quarry.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code report.html}: one self-contained page — the styles, the script that draws the charts
 * and the report's numbers inline, nothing fetched. The numbers go in as a JSON script block
 * with {@code <}, {@code >} and {@code &} escaped, so no text from a document (a sample's
 * {@code </script>}) can end the block; the script puts text on the page only as text.
 */
public final class ReportHtml {
  private static final String TEMPLATE = resource("report.html");
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private ReportHtml() {}

  public static String render(JsonNode report) {
    // Replaced last to first, so nothing inserted is scanned for a placeholder again.
    int data = TEMPLATE.indexOf("{{DATA}}");
    int js = TEMPLATE.indexOf("{{JS}}");
    return TEMPLATE.substring(0, data).replace("{{CSS}}", CSS)
        + scriptSafeJson(report)
        + TEMPLATE.substring(data + "{{DATA}}".length(), js)
        + JS
        + TEMPLATE.substring(js + "{{JS}}".length());
  }

  /** JSON that can sit inside a script element: no character of it can close the element. */
  static String scriptSafeJson(JsonNode value) {
    String json = value.toString();
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String resource(String name) {
    try (InputStream in = ReportHtml.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("report resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
