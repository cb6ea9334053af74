package dev.quarry.filters.pii;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
  /** The indices of the words by their first char (lower-case): ASCII ones, then the rest. */
  private final int[][] byAsciiFirstChar = new int[0x80][];
  private final Map<Character, int[]> byOtherFirstChar = new HashMap<>();
  private final int longest;

  private NearbyWords(List<String> words) {
    this.words = new String[words.size()];
    this.whole = new boolean[words.size()];
    Map<Character, List<Integer>> index = new HashMap<>();
    int longestWord = 0;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i).toLowerCase(Locale.ROOT);
      whole[i] = !word.endsWith("*");
      this.words[i] = whole[i] ? word : word.substring(0, word.length() - 1);
      index.computeIfAbsent(this.words[i].charAt(0), c -> new ArrayList<>()).add(i);
      longestWord = Math.max(longestWord, this.words[i].length());
    }
    index.forEach((c, list) -> {
      int[] indices = list.stream().mapToInt(Integer::intValue).toArray();
      if (c < 0x80) {
        byAsciiFirstChar[c] = indices;
      } else {
        byOtherFirstChar.put(c, indices);
      }
    });
    this.longest = longestWord;
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
   * with it a caller can tell which of two kinds of word stands closer to a value. Reads the
   * window from its end, each position against the few words starting with its character.
   */
  int lastEnd(String text, int from, int to) {
    from = Math.max(0, from);
    to = Math.min(text.length(), to);
    int best = -1;
    for (int at = to - 1; at >= from && at + longest > best; at--) {
      char c = Character.toLowerCase(text.charAt(at));
      int[] candidates = c < 0x80 ? byAsciiFirstChar[c] : byOtherFirstChar.get(c);
      if (candidates == null || !startsWord(text, at)) {
        continue;
      }
      for (int w : candidates) {
        String word = words[w];
        int end = at + word.length();
        if (end <= to && end > best && text.regionMatches(true, at, word, 0, word.length())
            && (!whole[w] || endsWord(text, end))) {
          best = end;
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
