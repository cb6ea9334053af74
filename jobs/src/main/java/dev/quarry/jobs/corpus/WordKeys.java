package dev.quarry.jobs.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words the quality filters would see in each of the synthesizer's tokens, as small ints,
 * for the {@link NgramGuard}. A token is a whitespace-separated piece of the material
 * ("well-known," or "(2019)") or, in Japanese and Chinese, one character. Like Unicode word
 * segmentation (core's {@code Words}), a word is a run of letters, marks and digits that
 * may go on across one apostrophe or full stop between two such characters ("don't", "U.S");
 * punctuation and symbols are no word, so "—" has no key and "well-known," two. Keys compare
 * words case-folded, with digits folded (the synthesizer redraws them), so the guard is a little
 * stricter than the repetition rule, which compares them exactly.
 */
final class WordKeys {
  private final Map<String, Integer> ids = new HashMap<>();

  /** The keys of each token, in order. */
  int[][] of(List<String> tokens) {
    int[][] keys = new int[tokens.size()][];
    for (int t = 0; t < keys.length; t++) {
      keys[t] = keys(tokens.get(t));
    }
    return keys;
  }

  private int[] keys(String token) {
    List<String> words = words(token);
    int[] out = new int[words.size()];
    for (int w = 0; w < out.length; w++) {
      out[w] = ids.computeIfAbsent(words.get(w), k -> ids.size());
    }
    return out;
  }

  /** The token's words, lower-cased, digits as 0. */
  static List<String> words(String token) {
    List<String> words = new ArrayList<>(2);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isWordChar(cp)) {
        word.appendCodePoint(Character.isDigit(cp) ? '0' : cp);
      } else if (word.length() > 0 && isJoiner(cp) && next < token.length()
          && isWordChar(token.codePointAt(next))) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
      i = next;
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isJoiner(int cp) {
    return cp == '\'' || cp == '’' || cp == '.';
  }
}
