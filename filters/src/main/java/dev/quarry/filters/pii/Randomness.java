package dev.quarry.filters.pii;

/**
 * Whether a value looks like a generated secret rather than a placeholder, a word or a setting.
 * Real keys, tokens and generated passwords are random: long, printable ASCII, several kinds of
 * character, several bits of Shannon entropy per character. Placeholders fail at least one rule
 * below, whatever their language:
 *
 * <ul>
 *   <li>runs: five or more of one character ({@code XXXXX}, {@code *****}, {@code 00000}) or six
 *       consecutive ascending characters ({@code 123456}, {@code abcdef});
 *   <li>elisions and templates: {@code ...}, {@code …}, {@code <…>}, {@code ${…}},
 *       {@code {{…}}}, {@code %(…)}, a leading {@code $} or {@code %} (an environment variable);
 *   <li>placeholder words: "your", "example", "sample", "changeme", "password", "placeholder",
 *       "dummy", "redacted", "insert", "replace" anywhere, in any case;
 *   <li>one kind of character only ({@code your-token-here}, {@code TWOJ_TOKEN}, a word or a
 *       number), and anything outside printable ASCII ({@code ここにキーを入力}).
 * </ul>
 */
final class Randomness {
  private static final String[] PLACEHOLDER_WORDS = {"your", "example", "sample", "changeme",
      "password", "placeholder", "dummy", "redacted", "insert", "replace"};
  private static final int MAX_RUN = 4;
  private static final int MAX_ASCENDING = 5;
  /** Entropy a hex value needs at most: 16 symbols give it less to spend than base64. */
  private static final double HEX_BITS = 3.0;

  private Randomness() {}

  /**
   * Whether {@code text[start, end)} is a random value: at least {@code minLength} printable
   * ASCII chars, no placeholder mark, at least {@code minClasses} of upper case, lower case and
   * digits, and at least {@code minBits} bits of entropy per char (at most 3.0 asked of hex).
   */
  static boolean looksRandom(CharSequence text, int start, int end, int minLength,
      double minBits, int minClasses) {
    if (end - start < minLength || !isPrintableAscii(text, start, end)
        || classes(text, start, end) < minClasses) {
      return false;
    }
    double needed = isHex(text, start, end) ? Math.min(minBits, HEX_BITS) : minBits;
    return bitsPerChar(text, start, end) >= needed && !isPlaceholder(text, start, end);
  }

  /** Shannon entropy of the chars of {@code text[start, end)}, printable ASCII assumed. */
  static double bitsPerChar(CharSequence text, int start, int end) {
    int[] counts = new int[128];
    for (int i = start; i < end; i++) {
      counts[text.charAt(i) & 0x7f]++;
    }
    double bits = 0;
    double length = end - start;
    for (int count : counts) {
      if (count > 0) {
        double p = count / length;
        bits -= p * Math.log(p);
      }
    }
    return bits / Math.log(2);
  }

  static boolean isPlaceholder(CharSequence text, int start, int end) {
    char first = text.charAt(start);
    if (first == '$' || first == '%') {
      return true;
    }
    int run = 1;
    int ascending = 1;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '>' || c == '\u2026' || isTemplateOpening(text, i, end)) {
        return true;
      }
      if (i > start) {
        char previous = text.charAt(i - 1);
        run = c == previous ? run + 1 : 1;
        ascending = c == previous + 1 ? ascending + 1 : 1;
        if (run > MAX_RUN || ascending > MAX_ASCENDING) {
          return true;
        }
      }
      for (String word : PLACEHOLDER_WORDS) {
        if (i + word.length() <= end && regionMatchesIgnoreCase(text, i, word)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isTemplateOpening(CharSequence text, int i, int end) {
    if (i + 1 >= end) {
      return false;
    }
    char c = text.charAt(i);
    char next = text.charAt(i + 1);
    return c == '$' && next == '{' || c == '{' && next == '{' || c == '}' && next == '}'
        || c == '%' && next == '(' || c == '.' && next == '.';
  }

  private static boolean regionMatchesIgnoreCase(CharSequence text, int at, String lowerWord) {
    for (int k = 0; k < lowerWord.length(); k++) {
      if ((text.charAt(at + k) | 0x20) != lowerWord.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** How many of upper case, lower case and digits occur. */
  static int classes(CharSequence text, int start, int end) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= c >= '0' && c <= '9';
    }
    return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0);
  }

  private static boolean isHex(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPrintableAscii(CharSequence text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }
}
