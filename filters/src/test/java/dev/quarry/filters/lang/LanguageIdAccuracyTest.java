package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of language identification on the team's set, per language and length, ours beside
 * the raw model. Writes target/lid-report.md (the figures in docs/filters.md).
 */
class LanguageIdAccuracyTest {
  record Tally(int[] right, int[] rawRight, int[] total) {
    Tally() {
      this(new int[3], new int[3], new int[3]);
    }
  }

  @Test
  void accuracyPerLanguageAndLength() throws Exception {
    LanguageIdSet set = LanguageIdSet.load();
    LanguageIdentifier identifier = new LanguageIdentifier();
    Map<String, Tally> byLang = new TreeMap<>();
    StringBuilder misses = new StringBuilder();
    for (LanguageIdSet.Item item : set.items()) {
      Tally t = byLang.computeIfAbsent(item.lang(), k -> new Tally());
      int k = item.length().ordinal();
      t.total()[k]++;
      String ours = identifier.identify(item.text()).lang();
      String raw = identifier.raw(item.text()).lang();
      if (ours.equals(item.lang())) {
        t.right()[k]++;
      } else {
        misses.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", item.lang(),
            item.length().name().toLowerCase(Locale.ROOT), ours,
            item.text().length() > 80 ? item.text().substring(0, 80) + "…" : item.text()));
      }
      if (raw.equals(item.lang())) {
        t.rawRight()[k]++;
      }
    }
    StringBuilder report = new StringBuilder("| lang | phrases ours | raw | sentences ours | raw "
        + "| paragraphs ours | raw |\n|---|---|---|---|---|---|---|\n");
    double[] mean = new double[3];
    double[] rawMean = new double[3];
    byLang.forEach((lang, t) -> {
      report.append("| ").append(lang);
      for (int k = 0; k < 3; k++) {
        double ours = (double) t.right()[k] / Math.max(1, t.total()[k]);
        double raw = (double) t.rawRight()[k] / Math.max(1, t.total()[k]);
        mean[k] += ours / byLang.size();
        rawMean[k] += raw / byLang.size();
        report.append(String.format(Locale.ROOT, " | %.1f%% | %.1f%%", 100 * ours, 100 * raw));
      }
      report.append(" |\n");
    });
    report.append(String.format(Locale.ROOT, "| **mean of %d languages** | **%.1f%%** | %.1f%% | "
        + "**%.1f%%** | %.1f%% | **%.1f%%** | %.1f%% |%n", byLang.size(), 100 * mean[0],
        100 * rawMean[0], 100 * mean[1], 100 * rawMean[1], 100 * mean[2], 100 * rawMean[2]));
    report.append("\nmisses:\n\n| lang | length | ours | text |\n|---|---|---|---|\n")
        .append(misses);
    Path out = Path.of("target", "lid-report.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
    assertThat(byLang).isNotEmpty();
  }
}
