package dev.quarry.filters.pii;

import java.util.List;

/**
 * The pieces people write in place of {@code @} and {@code .} to hide an address from
 * harvesters: {@code [at]}, {@code (at)}, {@code {dot}}, {@code [point]}, a full-width {@code ＠},
 * and the bare words {@code at}/{@code dot} and their translations ({@code arroba}/{@code punto},
 * {@code małpa}/{@code kropka}, {@code собака}/{@code точка}). A bracketed word is a deliberate
 * obfuscation; a bare word is ordinary prose far more often ("look at the dot"), so the detector
 * asks more of its context. Every method looks at a few characters around one position only.
 */
final class EmailTokens {
  /** Words for {@code @}. */
  static final List<String> AT_WORDS = List.of("at", "arroba", "arobase", "małpa", "malpa",
      "собака", "klammeraffe", "chiocciola");
  /** Words for {@code .}. */
  static final List<String> DOT_WORDS = List.of("dot", "punto", "point", "ponto", "punkt",
      "punt", "kropka", "точка", "pont", "tečka");
  /**
   * What {@link #mayHoldWordForm} searches for: each dot-word starts with one of these as
   * written in an address, lower-case or, for {@code DOT}, upper-case (few searches, each fast).
   */
  private static final List<String> DOT_WORD_STEMS = List.of("dot", "DOT", "punt", "punkt",
      "point", "pont", "kropka", "точка", "tečka");
  /** The ASCII characters an at-token may start with, but the space. */
  private static final boolean[] TRIGGERS = new boolean[0x80];

  static {
    for (char c : "@[({<".toCharArray()) {
      TRIGGERS[c] = true;
    }
  }

  private static final int LONGEST_WORD = 11;
  private static final String OPENING = "[({<";
  private static final String CLOSING = "])}>";

  /** How an at-token is written: it decides what the detector asks of the rest. */
  enum AtKind {
    /** {@code @}: an ordinary address. */
    SIGN,
    /** {@code ＠} (full width) or a bracketed word. */
    DISGUISED,
    /** A bare word between spaces: needs dot-words and a mail context. */
    WORD
  }

  private EmailTokens() {}

  /**
   * Whether an at-token may start with {@code c}: the scan's cheap first test. Spaces (before a
   * bare at-word) count only with {@code words}, when the text holds a bare dot-word at all.
   */
  static boolean mayStartAt(char c, boolean words) {
    return c < 0x80 ? TRIGGERS[c] || words && c == ' ' : c == '\uFF20';
  }

  /**
   * Whether the text holds a dot-word between spaces, without which a bare at-word cannot start
   * an address: most texts do not, and their spaces need no look.
   */
  static boolean mayHoldWordForm(String text) {
    for (String stem : DOT_WORD_STEMS) {
      for (int at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
        int end = at;
        while (end < text.length() && end - at <= LONGEST_WORD
            && Character.isLetter(text.charAt(end))) {
          end++;
        }
        if (at > 0 && text.charAt(at - 1) == ' ' && end < text.length()
            && text.charAt(end) == ' ' && isOneOf(text, at, end, DOT_WORDS)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The end of the at-token starting at {@code i} ({@code @}, {@code ＠}, {@code [at]} or, at a
   * space, {@code " at "} without its spaces: the token then starts at {@code i + 1}), or -1.
   */
  static int atTokenEnd(String text, int i) {
    char c = text.charAt(i);
    if (c == '@' || c == '\uFF20') {
      return i + 1;
    }
    if (c == ' ') {
      if (i + 1 == text.length() || !isAtInitial(text.charAt(i + 1))) {
        return -1;
      }
      int wordEnd = wordEnd(text, i + 1);
      return wordEnd > i + 1 && wordEnd < text.length() && text.charAt(wordEnd) == ' '
          && isOneOf(text, i + 1, wordEnd, AT_WORDS) ? wordEnd : -1;
    }
    return bracketedEnd(text, i, AT_WORDS);
  }

  /** The first letters of {@link #AT_WORDS}: most spaces are let go on them. */
  private static boolean isAtInitial(char c) {
    return switch (c) {
      case 'a', 'A', 'm', 'M', 'с', 'С', 'k', 'K', 'c', 'C' -> true;
      default -> false;
    };
  }

  static AtKind kind(String text, int atStart) {
    char c = text.charAt(atStart);
    return c == '@' ? AtKind.SIGN : c == ' ' ? AtKind.WORD : AtKind.DISGUISED;
  }

  /**
   * The end of a dot-token at {@code i}: a {@code .} (or full-width {@code ．}) or, after
   * optional spaces, a bracketed dot-word; or, with {@code bareWords}, spaces, a bare dot-word
   * and spaces. -1 when there is none. {@code obfuscated[0]} says whether a word was used.
   */
  static int dotTokenEnd(String text, int i, boolean bareWords, boolean[] obfuscated) {
    int n = text.length();
    if (i >= n) {
      return -1;
    }
    char c = text.charAt(i);
    if (c == '.' || c == '\uFF0E') {
      obfuscated[0] |= c != '.';
      return i + 1;
    }
    int p = skipSpaces(text, i);
    int end = p < n ? bracketedEnd(text, p, DOT_WORDS) : -1;
    if (end >= 0) {
      obfuscated[0] = true;
      return skipSpaces(text, end);
    }
    if (bareWords && p > i) {
      int wordEnd = wordEnd(text, p);
      if (wordEnd > p && wordEnd < n && text.charAt(wordEnd) == ' '
          && isOneOf(text, p, wordEnd, DOT_WORDS)) {
        obfuscated[0] = true;
        return skipSpaces(text, wordEnd);
      }
    }
    return -1;
  }

  /**
   * The start of a dot-token that ends right before {@code end} (the mirror of
   * {@link #dotTokenEnd}, for reading a local part leftwards), or -1.
   */
  static int dotTokenStart(String text, int end, boolean bareWords, boolean[] obfuscated) {
    if (end <= 0) {
      return -1;
    }
    char c = text.charAt(end - 1);
    if (c == '.' || c == '\uFF0E') {
      obfuscated[0] |= c != '.';
      return end - 1;
    }
    int p = end;
    while (p > 0 && text.charAt(p - 1) == ' ' && end - p < 3) {
      p--;
    }
    if (p == 0) {
      return -1;
    }
    int close = CLOSING.indexOf(text.charAt(p - 1));
    if (close >= 0) {
      for (int open = p - 2; open >= Math.max(0, p - LONGEST_WORD - 4); open--) {
        if (text.charAt(open) == OPENING.charAt(close)) {
          if (bracketedEnd(text, open, DOT_WORDS) == p) {
            obfuscated[0] = true;
            return skipSpacesBack(text, open);
          }
          return -1;
        }
      }
      return -1;
    }
    if (bareWords && p < end) {
      int wordStart = p;
      while (wordStart > 0 && p - wordStart <= LONGEST_WORD
          && Character.isLetter(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (wordStart < p && wordStart > 0 && text.charAt(wordStart - 1) == ' '
          && isOneOf(text, wordStart, p, DOT_WORDS)) {
        obfuscated[0] = true;
        return skipSpacesBack(text, wordStart);
      }
    }
    return -1;
  }

  /** The end of {@code [word]} / {@code ( word )}... at {@code i} with a word of the set, or -1. */
  private static int bracketedEnd(String text, int i, List<String> words) {
    int close = OPENING.indexOf(text.charAt(i));
    if (close < 0) {
      return -1;
    }
    int p = skipSpaces(text, i + 1);
    int wordEnd = wordEnd(text, p);
    if (wordEnd == p || !isOneOf(text, p, wordEnd, words)) {
      return -1;
    }
    int q = skipSpaces(text, wordEnd);
    return q < text.length() && text.charAt(q) == CLOSING.charAt(close) ? q + 1 : -1;
  }

  private static int wordEnd(String text, int p) {
    int q = p;
    while (q < text.length() && q - p <= LONGEST_WORD && Character.isLetter(text.charAt(q))) {
      q++;
    }
    return q - p > LONGEST_WORD ? p : q;
  }

  static int skipSpaces(String text, int p) {
    int q = p;
    while (q < text.length() && text.charAt(q) == ' ' && q - p < 2) {
      q++;
    }
    return q;
  }

  private static int skipSpacesBack(String text, int p) {
    int q = p;
    while (q > 0 && text.charAt(q - 1) == ' ' && p - q < 2) {
      q--;
    }
    return q;
  }

  /** Whether {@code text[from, to)} is one of {@code words}, ignoring case (no copy made). */
  static boolean isOneOf(String text, int from, int to, List<String> words) {
    for (String word : words) {
      if (word.length() == to - from && text.regionMatches(true, from, word, 0, to - from)) {
        return true;
      }
    }
    return false;
  }
}
