package dev.quarry.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Extraction quality on the team's gold set (src/test/resources/extraction/pages: HTML pages in
 * the shapes the web has, each with its expected main text): word 4-gram shingle F1 per page,
 * averaged over pages. Writes target/extraction-report.md, whose figures go in
 * docs/extraction.md.
 */
class ExtractionQualityTest {
  static final double REQUIRED_F1 = 0.93;
  /** Pages from this number on were written after the extractor was tuned and never tuned on. */
  static final int FIRST_HELD_OUT_PAGE = 45;

  record PageScore(String page, String shape, ShingleScore extractor, ShingleScore wholePage) {}

  @Test
  void mainTextF1OnTheGoldSetIsAtLeast093() throws Exception {
    List<PageScore> scores = scoreAll();
    double f1 = mean(scores, s -> s.extractor().f1());
    Path report = Path.of("target", "extraction-report.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, report(scores));
    System.out.println(report(scores));
    assertThat(scores).hasSizeGreaterThanOrEqualTo(40);
    assertThat(f1).as("mean shingle F1 over %d pages (see %s)", scores.size(), report)
        .isGreaterThanOrEqualTo(REQUIRED_F1);
  }

  static List<PageScore> scoreAll() throws IOException, URISyntaxException {
    Path pages = Path.of(ExtractionQualityTest.class.getResource("/extraction/pages").toURI());
    MainTextExtractor extractor = new MainTextExtractor();
    List<PageScore> scores = new ArrayList<>();
    try (Stream<Path> files = Files.list(pages)) {
      for (Path html : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String name = html.getFileName().toString().replace(".html", "");
        String expected = Files.readString(html.resolveSibling(name + ".txt"),
            StandardCharsets.UTF_8);
        String source = Files.readString(html, StandardCharsets.UTF_8);
        String extracted = extractor.extract(source, "https://example.org/").text();
        String whole = Jsoup.parse(source).body().text();
        scores.add(new PageScore(name, shape(name), ShingleScore.of(extracted, expected),
            ShingleScore.of(whole, expected)));
      }
    }
    return scores;
  }

  static boolean heldOut(PageScore score) {
    return Integer.parseInt(score.page().replaceFirst("-.*", "")) >= FIRST_HELD_OUT_PAGE;
  }

  static String shape(String page) {
    return page.replaceFirst("^\\d+-", "").replaceFirst("-\\d+$", "");
  }

  static double mean(List<PageScore> scores, java.util.function.ToDoubleFunction<PageScore> f) {
    return scores.stream().mapToDouble(f).average().orElse(0);
  }

  static void summaryRow(StringBuilder sb, String label, List<PageScore> scores,
      java.util.function.Function<PageScore, ShingleScore> which) {
    sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", label,
        scores.size(), mean(scores, s -> which.apply(s).precision()),
        mean(scores, s -> which.apply(s).recall()), mean(scores, s -> which.apply(s).f1())));
  }

  static String report(List<PageScore> scores) {
    StringBuilder sb = new StringBuilder();
    List<PageScore> development = scores.stream().filter(s -> !heldOut(s)).toList();
    List<PageScore> heldOut = scores.stream().filter(ExtractionQualityTest::heldOut).toList();
    sb.append(String.format(Locale.ROOT, "pages: %d (development %d, held out %d)%n%n"
        + "| | pages | precision | recall | F1 |%n|---|---|---|---|---|%n",
        scores.size(), development.size(), heldOut.size()));
    summaryRow(sb, "Quarry extractor, all pages", scores, PageScore::extractor);
    summaryRow(sb, "Quarry extractor, development pages", development, PageScore::extractor);
    summaryRow(sb, "Quarry extractor, held-out pages", heldOut, PageScore::extractor);
    summaryRow(sb, "whole-page text (jsoup body), all pages", scores, PageScore::wholePage);
    summaryRow(sb, "whole-page text (jsoup body), development pages", development,
        PageScore::wholePage);
    summaryRow(sb, "whole-page text (jsoup body), held-out pages", heldOut,
        PageScore::wholePage);
    sb.append('\n');
    Map<String, List<PageScore>> byShape = new TreeMap<>();
    scores.forEach(s -> byShape.computeIfAbsent(s.shape(), k -> new ArrayList<>()).add(s));
    sb.append("| shape | pages | precision | recall | F1 |\n|---|---|---|---|---|\n");
    byShape.forEach((shape, list) -> sb.append(String.format(Locale.ROOT,
        "| %s | %d | %.3f | %.3f | %.3f |%n", shape, list.size(),
        mean(list, s -> s.extractor().precision()), mean(list, s -> s.extractor().recall()),
        mean(list, s -> s.extractor().f1()))));
    sb.append("\nper page:\n\n| page | precision | recall | F1 |\n|---|---|---|---|\n");
    scores.forEach(s -> sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n",
        s.page(), s.extractor().precision(), s.extractor().recall(), s.extractor().f1())));
    return sb.toString();
  }
}
