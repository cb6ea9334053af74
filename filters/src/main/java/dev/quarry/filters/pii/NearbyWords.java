package dev.quarry.filters.pii;

import java.util.List;
import java.util.Locale;

/**
 * A list of context words ("tel", "version", "isbn", "電話"…) looked for near a candidate value:
 * shape alone cannot tell a phone number from an order number, or an IP address from a version,
 * and the words around it can. Matching ignores case. A word is whole unless it ends in
 * {@code *}, which makes it a stem ({@code "version*"} finds "versions", {@code "ip"} does not
 * find "iphone"). Word edges count only next to letters of cased scripts (Latin, Cyrillic,
 * Greek): Chinese and Japanese run words together ({@code 来自IP地址}, {@code IPアドレス}). Only
 * the given window of the text is looked at, so the cost does not grow with the text.
 */
final class NearbyWords {
  private final String[] words;
  private final boolean[] whole;

  private NearbyWords(List<String> words) {
    this.words = new String[words.size()];
    this.whole = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i).toLowerCase(Locale.ROOT);
      whole[i] = !word.endsWith("*");
      this.words[i] = whole[i] ? word : word.substring(0, word.length() - 1);
    }
  }

  static NearbyWords of(String... words) {
    return new NearbyWords(List.of(words));
  }

  /** Whether a word occurs in {@code text[from, to)} (clamped to the text). */
  boolean occursIn(String text, int from, int to) {
    return lastEnd(text, from, to) >= 0;
  }

  /**
   * The end of the last word occurring in {@code text[from, to)} (clamped to the text), or -1:
   * with it a caller can tell which of two kinds of word stands closer to a value.
   */
  int lastEnd(String text, int from, int to) {
    from = Math.max(0, from);
    to = Math.min(text.length(), to);
    if (to <= from) {
      return -1;
    }
    String window = text.substring(from, to).toLowerCase(Locale.ROOT);
    if (window.length() != to - from) {
      return -1; // a lower-casing that changes the length (rare letters): offsets would be wrong
    }
    int best = -1;
    for (int w = 0; w < words.length; w++) {
      String word = words[w];
      for (int at = window.lastIndexOf(word); at >= 0; at = window.lastIndexOf(word, at - 1)) {
        int end = at + word.length();
        if (startsWord(text, from + at) && (!whole[w] || endsWord(text, from + end))) {
          best = Math.max(best, from + end);
          break;
        }
      }
    }
    return best;
  }

  private static boolean startsWord(String text, int at) {
    return at == 0 || !isCasedLetter(text.charAt(at - 1)) || !isCasedLetter(text.charAt(at));
  }

  private static boolean endsWord(String text, int end) {
    return end == text.length() || !isCasedLetter(text.charAt(end))
        || !isCasedLetter(text.charAt(end - 1));
  }

  private static boolean isCasedLetter(char c) {
    return Character.toUpperCase(c) != Character.toLowerCase(c);
  }

  /** The start of the line holding {@code pos}, but at most {@code max} chars back. */
  static int lineStart(String text, int pos, int max) {
    int stop = Math.max(0, pos - max);
    for (int i = pos - 1; i >= stop; i--) {
      if (text.charAt(i) == '\n') {
        return i + 1;
      }
    }
    return stop;
  }

  /** The end of the line holding {@code pos}, but at most {@code max} chars on. */
  static int lineEnd(String text, int pos, int max) {
    int stop = Math.min(text.length(), pos + max);
    for (int i = pos; i < stop; i++) {
      if (text.charAt(i) == '\n') {
        return i;
      }
    }
    return stop;
  }
}
