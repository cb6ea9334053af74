package dev.quarry.filters.pii;

import java.util.List;
import java.util.Locale;

/**
 * A list of context words ("tel", "version", "isbn", "電話"…) looked for near a candidate value:
 * shape alone cannot tell a phone number from an order number, or an IP address from a version,
 * and the words around it can. Matching ignores case; a word written in a cased script (Latin,
 * Cyrillic, Greek) must start a word ("tel" is not found in "hotel"), a word in a script without
 * spaces (Han, kana) may stand anywhere. Words may be followed by more letters ("version" finds
 * "versions"), so list stems. Only the given window of the text is looked at, so the cost does
 * not grow with the text.
 */
final class NearbyWords {
  private final String[] words;
  private final boolean[] mustStartWord;

  NearbyWords(List<String> words) {
    this.words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    this.mustStartWord = new boolean[this.words.length];
    for (int i = 0; i < this.words.length; i++) {
      char first = this.words[i].charAt(0);
      mustStartWord[i] = Character.toUpperCase(first) != Character.toLowerCase(first);
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
        boolean starts = at > 0 ? !Character.isLetter(window.charAt(at - 1))
            : from == 0 || !Character.isLetter(text.charAt(from - 1));
        if (!mustStartWord[w] || starts) {
          best = Math.max(best, from + at + word.length());
          break;
        }
      }
    }
    return best;
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
