package dev.quarry.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.jobs.DemoPipeline;
import dev.quarry.jobs.TestDirs;
import dev.quarry.jobs.cli.QuarryCliTest;
import dev.quarry.jobs.corpus.PlantedPii;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of the demo run: written by {@code quarry run}, drawn by headless Chromium with
 * every chart present and no script error (screenshot: target/report-demo/report.png), the same
 * numbers again from {@code quarry report} on the mix version alone, and no planted PII in it
 * (RejectedSamplesTest shows the samples' scrubbing at work on text that has some).
 */
class ReportRenderTest {
  static final Path DIR = Path.of("target", "report-demo").toAbsolutePath();
  /** The charts the demo's report must draw, each with at least one bar. */
  static final List<String> CHARTS = List.of("funnel", "removed", "languages", "lengths",
      "score-lang_score", "score-content_word_list.per_1000", "clusters", "pii", "mix-tokens",
      "timings");

  static QuarryCliTest.Run run;
  static Path runDirectory;
  static JsonNode report;

  @BeforeAll
  static void runTheDemo() throws Exception {
    TestSpark.session();
    TestDirs.deleteRecursively(DIR);
    Files.createDirectories(DIR);
    Path pipeline = DemoPipeline.write(DIR.resolve("demo.yaml"), DIR.resolve("work").toString(),
        DemoPipeline.SAMPLES.toString());
    run = QuarryCliTest.quarry("run", pipeline.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    try (Stream<Path> runs = Files.list(DIR.resolve("work/runs"))) {
      List<Path> all = runs.toList();
      assertThat(all).as("one run directory").hasSize(1);
      runDirectory = all.get(0);
    }
    report = Json.mapper().readTree(runDirectory.resolve("report.json").toFile());
  }

  @Test
  void theRunWritesItsRecordItsReportAndPrintsTheSummary() throws Exception {
    assertThat(runDirectory.resolve("report.html")).isRegularFile();
    JsonNode record = Json.mapper().readTree(runDirectory.resolve("run.json").toFile());
    assertThat(record.path("status").asText()).isEqualTo("succeeded");
    assertThat(record.path("id").asText()).isEqualTo(runDirectory.getFileName().toString());
    assertThat(record.path("outputs")).hasSize(8).allSatisfy(output ->
        assertThat(output.path("uri").asText()).as("qualified").startsWith("file:/"));
    assertThat(run.out())
        .contains("report: run demo " + record.path("id").asText() + ": succeeded")
        .contains("funnel:    735 raw records → 480 after ingest → 399 after filter → 116 after "
            + "dedup → 54 in the mix demo@v0001 (85 with repeats, 84,609 tokens)")
        .contains("dedup:     283 removed: exact_duplicate 151, near_duplicate 132")
        .contains("report: " + runDirectory.resolve("report.html").toUri().toString()
            .replace("file:///", "file:/"));
    // The report's numbers are the manifests' numbers.
    assertThat(report.path("dedup").path("kept").asLong()).isEqualTo(116);
    assertThat(report.path("mix").path("tokens").asLong()).isEqualTo(84_609);
    assertThat(report.path("pii").path("total").asLong()).isPositive();
    assertThat(report.path("stages")).hasSize(8);
    for (JsonNode stage : report.path("stages")) {
      assertThat(stage.path("outcome").asText()).isEqualTo("ran");
      assertThat(stage.path("seconds").asDouble()).as(stage.toString()).isPositive();
    }
    // A sample for every reason the filter dropped documents for, their text scrubbed.
    List<String> filterReasons = new ArrayList<>();
    report.path("funnel").path("removed").forEach(r -> {
      if (r.path("stage").asText().equals("filter")) {
        filterReasons.add(r.path("reason").asText());
      }
    });
    List<String> sampled = new ArrayList<>();
    report.path("samples").forEach(g -> {
      if (g.path("stage").asText().equals("filter")) {
        sampled.add(g.path("reason").asText());
        assertThat(g.path("documents").size()).as(g.path("reason").asText()).isBetween(1, 3);
      }
    });
    assertThat(sampled).containsExactlyElementsOf(filterReasons);
  }

  @Test
  void chromiumDrawsEveryChartWithoutAScriptError() throws Exception {
    HeadlessChromium chromium = new HeadlessChromium(DIR.resolve("chromium"));
    Path page = runDirectory.resolve("report.html");
    String dom = chromium.dumpDom(page);
    assertThat(dom).contains("data-report=\"drawn\"");
    Matcher statusText = Pattern.compile("<pre id=\"report-status\"[^>]*>([^<]*)</pre>")
        .matcher(dom);
    assertThat(statusText.find()).as("the page wrote its status").isTrue();
    JsonNode status = Json.mapper().readTree(statusText.group(1).replace("&quot;", "\"")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    assertThat(status.path("errors")).as("script errors").isEmpty();
    assertThat(status.path("drawn").asBoolean()).isTrue();
    List<String> drawn = new ArrayList<>();
    for (JsonNode chart : status.path("charts")) {
      String id = chart.path("id").asText();
      drawn.add(id);
      assertThat(chart.path("marks").asInt()).as(id + " bars").isPositive();
      assertThat(chart.path("width").asInt()).as(id + " width").isPositive();
      assertThat(chart.path("height").asInt()).as(id + " height").isPositive();
    }
    assertThat(drawn).containsExactlyElementsOf(CHARTS);
    assertThat(count(dom, "<svg")).isEqualTo(CHARTS.size());
    for (String section : List.of("funnel", "languages", "lengths", "scores", "dedup", "pii",
        "mix", "timings", "samples")) {
      assertThat(dom).contains("<section id=\"" + section + "\"");
    }
    assertThat(count(dom, "<details data-reason=")).isEqualTo(report.path("samples").size());

    Path png = DIR.resolve("report.png");
    chromium.screenshot(page, png, 1280, 2400);
    byte[] image = Files.readAllBytes(png);
    assertThat(image.length).isGreaterThan(50_000);
    assertThat(new String(image, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PNG");
  }

  @Test
  void aReportOfTheMixVersionAloneHasTheSameNumbers() throws Exception {
    Path out = DIR.resolve("from-mix");
    QuarryCliTest.Run again = QuarryCliTest.quarry("report",
        DIR.resolve("work/mixes/demo/v0001").toString(), "--out", out.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("report: mix demo@v0001")
        .contains("funnel:    735 raw records → 480 after ingest");
    JsonNode alone = Json.mapper().readTree(out.resolve("report.json").toFile());
    for (String section : List.of("funnel", "languages", "lengths", "scores", "dedup", "pii",
        "mix", "timings", "samples")) {
      assertThat(alone.path(section)).as(section).isEqualTo(report.path(section));
    }
    assertThat(alone.path("run").isNull()).isTrue();
    assertThat(withoutOutcomes(alone.path("stages")))
        .isEqualTo(withoutOutcomes(report.path("stages")));

    QuarryCliTest.Run latest = QuarryCliTest.quarry("report", DIR.resolve("work").toString(),
        "--out", DIR.resolve("latest").toString(), "--samples", "0");
    assertThat(latest.exit()).as(latest.err()).isZero();
    assertThat(latest.out()).contains("report: run demo " + runDirectory.getFileName());
    assertThat(Json.mapper().readTree(DIR.resolve("latest/report.json").toFile())
        .path("samples")).isEmpty();

    QuarryCliTest.Run nothing = QuarryCliTest.quarry("report", DIR.resolve("nowhere")
        .toString());
    assertThat(nothing.exit()).isEqualTo(2);
    assertThat(nothing.err()).contains("is not a committed Quarry output")
        .contains("run directory");
  }

  @Test
  void theReportHoldsNoneOfThePlantedPersonalData() throws Exception {
    PlantedPii planted = PlantedPii.inSamples();
    for (String name : List.of("report.html", "report.json", "run.json")) {
      planted.assertNoneIn(name, Files.readString(runDirectory.resolve(name)));
    }
  }

  private static JsonNode withoutOutcomes(JsonNode stages) {
    var copy = stages.deepCopy();
    copy.forEach(s -> ((ObjectNode) s).remove("outcome"));
    return copy;
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }
}
