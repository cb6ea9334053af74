package dev.quarry.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.config.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {
  static final String HOSTILE = "</script><script>alert(1)</script> & <!-- \u2028 <b>";

  static ObjectNode reportWithASample(String excerpt) {
    ArrayNode samples = Json.mapper().createArrayNode();
    ObjectNode group = samples.addObject();
    group.put("stage", "filter").put("reason", "gopher_too_few_words").put("count", 1);
    group.putArray("documents").addObject().put("id", "d1").put("excerpt", excerpt)
        .put("chars", excerpt.length());
    return new ReportBuilder(ReportFixtures.pipeline()).build("</title><x>", null, samples,
        Instant.EPOCH);
  }

  @Test
  void thePageIsSelfContained() {
    String html = ReportHtml.render(reportWithASample("a sample"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
        .contains("function barChart").doesNotContain("{{").doesNotContain("src=")
        .doesNotContain("href=").doesNotContain("url(").doesNotContain("@import")
        .doesNotContain("fetch(").doesNotContain("XMLHttpRequest").doesNotContain("https:");
    // The one address on the page is the SVG namespace, which names, not fetches.
    assertThat(html.replace("'http://www.w3.org/2000/svg'", "")).doesNotContain("http:");
  }

  @Test
  void noDocumentTextCanEndTheDataBlockAndTheNumbersReadBackTheSame() throws Exception {
    ObjectNode report = reportWithASample(HOSTILE);
    String html = ReportHtml.render(report);
    assertThat(html).doesNotContain("alert(1)</script>").doesNotContain("<!--")
        .doesNotContain("\u2028").doesNotContain("<x>");
    String open = "<script id=\"report-data\" type=\"application/json\">";
    int start = html.indexOf(open) + open.length();
    String block = html.substring(start, html.indexOf("</script>", start));
    JsonNode back = Json.mapper().readTree(block);
    assertThat(back.toString()).isEqualTo(report.toString());
    assertThat(back.path("samples").get(0).path("documents").get(0).path("excerpt").asText())
        .isEqualTo(HOSTILE);
  }
}
