package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of language identification on the team's set, per language, confusable group and
 * length, ours beside the raw model. Writes target/lid-report.md (the figures in
 * docs/filters.md). Asserts the targets for sentences (97%) and paragraphs (99.5%),
 * averaged over languages, and that ours is never below the raw model in any length class; the
 * two-word-phrase target (85%) is not reached yet: the test holds the level reached (78%) so it
 * cannot slip back unnoticed.
 */
class LanguageIdAccuracyTest {
  static final List<List<String>> GROUPS = List.of(List.of("msa", "ind"),
      List.of("bos", "hrv", "srp"), List.of("dan", "nob"), List.of("ces", "slk"),
      List.of("rus", "ukr", "bel", "bul"), List.of("cat", "spa"));

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
    report.append("\n| group | phrases ours | raw | sentences ours | raw | paragraphs ours | raw"
        + " |\n|---|---|---|---|---|---|---|\n");
    for (List<String> group : GROUPS) {
      report.append("| ").append(String.join("/", group));
      for (int k = 0; k < 3; k++) {
        int right = 0;
        int rawRight = 0;
        int total = 0;
        for (String lang : group) {
          Tally t = byLang.get(lang);
          if (t != null) {
            right += t.right()[k];
            rawRight += t.rawRight()[k];
            total += t.total()[k];
          }
        }
        report.append(String.format(Locale.ROOT, " | %.1f%% | %.1f%%",
            100.0 * right / Math.max(1, total), 100.0 * rawRight / Math.max(1, total)));
      }
      report.append(" |\n");
    }
    report.append("\nmisses:\n\n| lang | length | ours | text |\n|---|---|---|---|\n")
        .append(misses);
    Path out = Path.of("target", "lid-report.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
    assertThat(byLang).hasSizeGreaterThanOrEqualTo(25);
    assertThat(mean[2]).as("paragraphs, mean over languages").isGreaterThanOrEqualTo(0.995);
    assertThat(mean[1]).as("sentences, mean over languages").isGreaterThanOrEqualTo(0.97);
    assertThat(mean[0]).as("two-word phrases, mean over languages (level reached, not the 85% "
        + "target)").isGreaterThanOrEqualTo(0.78);
    for (int k = 0; k < 3; k++) {
      assertThat(mean[k]).as("length class %d: ours vs raw", k).isGreaterThanOrEqualTo(rawMean[k]);
    }
  }
}
