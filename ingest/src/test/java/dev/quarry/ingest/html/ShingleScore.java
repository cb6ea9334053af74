package dev.quarry.ingest.html;

import dev.quarry.core.text.WordShingles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Precision, recall and F1 of extracted text against the expected text, over the sets of word
 * 4-gram shingles of each (words as {@link WordShingles} splits them: lowercased, Han and kana
 * characters one word each), the metric of the public main-content extraction benchmarks.
 */
record ShingleScore(double precision, double recall, double f1) {
  static final int N = 4;

  static ShingleScore of(String extracted, String expected) {
    Set<String> got = shingles(extracted);
    Set<String> want = shingles(expected);
    if (got.isEmpty() && want.isEmpty()) {
      return new ShingleScore(1, 1, 1);
    }
    Set<String> common = new HashSet<>(got);
    common.retainAll(want);
    double p = got.isEmpty() ? 0 : (double) common.size() / got.size();
    double r = want.isEmpty() ? 0 : (double) common.size() / want.size();
    return new ShingleScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
  }

  static Set<String> shingles(String text) {
    List<String> words = words(text);
    Set<String> out = new HashSet<>();
    if (words.isEmpty()) {
      return out;
    }
    if (words.size() < N) {
      out.add(String.join(" ", words));
      return out;
    }
    for (int i = 0; i + N <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + N)));
    }
    return out;
  }

  static List<String> words(String text) {
    return WordShingles.words(text);
  }
}
