package dev.quarry.filters.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.BitSet;

/**
 * Which characters end a sentence, in every script: Unicode's Sentence_Terminal property
 * ({@code . ! ?}, {@code 。！？．}, {@code ؟}, {@code । ॥}, {@code ։}, {@code ።}, ...) plus the
 * closing quotes C4 and FineWeb accept after a sentence ({@code " ' ” ’ » 」 』}). Ellipses are not
 * terminal: C4 drops lines ending in one.
 */
public final class Punctuation {
  private static final String CLOSING_QUOTES = "\"'\u201D\u2019\u00BB\u300D\u300F";
  private static final BitSet BMP_TERMINAL = new BitSet(0x10000);

  static {
    for (int c = 0; c < 0x10000; c++) {
      if (UCharacter.hasBinaryProperty(c, UProperty.S_TERM) || CLOSING_QUOTES.indexOf(c) >= 0) {
        BMP_TERMINAL.set(c);
      }
    }
  }

  private Punctuation() {}

  /**
   * Whether texts in {@code lang} end sentences with punctuation. Thai and Lao do not (a space
   * ends a sentence), so rules about lines ending in punctuation cannot judge them.
   */
  public static boolean endsSentencesWithPunctuation(String lang) {
    return !"tha".equals(lang) && !"lao".equals(lang);
  }

  public static boolean isTerminal(int codePoint) {
    return codePoint < 0x10000 ? BMP_TERMINAL.get(codePoint)
        : UCharacter.hasBinaryProperty(codePoint, UProperty.S_TERM);
  }

  /** Whether {@code text[start, end)} ends with a terminal character (nothing trimmed). */
  public static boolean endsTerminal(String text, int start, int end) {
    if (end <= start) {
      return false;
    }
    char last = text.charAt(end - 1);
    boolean pair = Character.isLowSurrogate(last) && end - 2 >= start
        && Character.isHighSurrogate(text.charAt(end - 2));
    return isTerminal(pair ? Character.toCodePoint(text.charAt(end - 2), last) : last);
  }

  /** Whether {@code text[start, end)} ends with {@code ...} or {@code …}. */
  public static boolean endsWithEllipsis(String text, int start, int end) {
    return end > start && text.charAt(end - 1) == '\u2026'
        || end - start >= 3 && text.startsWith("...", end - 3);
  }
}
