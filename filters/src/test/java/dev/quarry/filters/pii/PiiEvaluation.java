package dev.quarry.filters.pii;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Precision and recall per type of a detector (or the whole scrubber's finder) on the team's
 * corpus. A found span is right when it covers a gold span of its type (each gold span counts
 * once); a found span over no gold span of its type — in a positive or a hard negative — is a
 * false positive; a gold span no found span covers is a miss.
 */
final class PiiEvaluation {
  /** Counts for one type, and the examples behind the errors. */
  static final class Tally {
    int truePositives;
    int falsePositives;
    int misses;
    final List<String> errors = new ArrayList<>();

    double precision() {
      int found = truePositives + falsePositives;
      return found == 0 ? 1 : (double) truePositives / found;
    }

    double recall() {
      int gold = truePositives + misses;
      return gold == 0 ? 1 : (double) truePositives / gold;
    }
  }

  private PiiEvaluation() {}

  /** Runs {@code finder} over every example and tallies per type. */
  static Map<PiiType, Tally> evaluate(BiFunction<String, PiiContext, List<PiiSpan>> finder) {
    Map<PiiType, Tally> tallies = new EnumMap<>(PiiType.class);
    for (PiiType type : PiiType.values()) {
      tallies.put(type, new Tally());
    }
    List<PiiCorpus.Example> all = new ArrayList<>(PiiCorpus.positives());
    all.addAll(PiiCorpus.negatives());
    for (PiiCorpus.Example example : all) {
      List<PiiSpan> found = finder.apply(example.text(), new PiiContext(example.lang(), null));
      boolean[] goldHit = new boolean[example.gold().size()];
      for (PiiSpan span : found) {
        int hit = -1;
        for (int g = 0; g < example.gold().size() && hit < 0; g++) {
          PiiCorpus.Gold gold = example.gold().get(g);
          if (!goldHit[g] && gold.type() == span.type() && span.start() <= gold.start()
              && span.end() >= gold.end()) {
            hit = g;
          }
        }
        Tally tally = tallies.get(span.type());
        if (hit >= 0) {
          goldHit[hit] = true;
          tally.truePositives++;
        } else {
          tally.falsePositives++;
          tally.errors.add("false positive " + example.source() + ": '"
              + example.text().substring(span.start(), span.end()) + "'");
        }
      }
      for (int g = 0; g < goldHit.length; g++) {
        if (!goldHit[g]) {
          PiiCorpus.Gold gold = example.gold().get(g);
          Tally tally = tallies.get(gold.type());
          tally.misses++;
          tally.errors.add("missed " + example.source() + ": '"
              + example.text().substring(gold.start(), gold.end()) + "'");
        }
      }
    }
    return tallies;
  }

  /** A Markdown table: type, gold, found right, false positives, misses, precision, recall. */
  static String table(Map<PiiType, Tally> tallies) {
    StringBuilder out = new StringBuilder(
        "| type | values | found | false positives | missed | precision | recall |\n"
        + "|---|---|---|---|---|---|---|\n");
    tallies.forEach((type, t) -> out.append(String.format(Locale.ROOT,
        "| %s | %d | %d | %d | %d | %.3f | %.3f |%n", type.key(), t.truePositives + t.misses,
        t.truePositives, t.falsePositives, t.misses, t.precision(), t.recall())));
    return out.toString();
  }
}
