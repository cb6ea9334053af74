package dev.quarry.ingest.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Precision, recall and F1 of extracted text against the expected text, over the sets of word
 * 4-gram shingles of each (lowercased; CJK characters count as one word each), the metric of
 * the public main-content extraction benchmarks.
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
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (isCjk(cp)) {
        flush(word, words);
        words.add(new String(Character.toChars(cp)));
      } else if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else {
        flush(word, words);
      }
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
        || s == Character.UnicodeScript.THAI;
  }
}
