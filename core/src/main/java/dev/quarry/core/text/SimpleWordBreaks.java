package dev.quarry.core.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.VersionInfo;

/**
 * Unicode word segmentation (UAX#29) for the texts where it is simple, giving the same words as
 * Lucene's StandardTokenizer at several times its speed; {@link WordSplitter} falls back to
 * Lucene for any other text.
 *
 * <p>A text is simple when every character is a letter, a digit, one of the separators that can
 * join them ({@code . ' : , ;} and their Unicode kin), a connector ({@code _}), a combining mark
 * or format character, or anything that is none of these and never part of a word (spaces,
 * punctuation, symbols). That is most Latin, Cyrillic, Greek, Arabic and Indic text. Characters
 * with rules of their own are not simple: CJK, kana and Hangul (Lucene types them apart), Thai
 * and the other scripts written without spaces (dictionary segmentation), Hebrew letters (rules
 * WB7a–c), emoji and pictographs (Lucene makes them tokens), zero-width joiners,
 * regional indicators, surrogates, and characters newer than Lucene's Unicode tables.
 *
 * <p>The rules applied: a word starts at a letter, a digit or a connector and goes on over
 * letters, digits and connectors (WB5, WB8–10, WB13a/b); a letter–separator–letter or
 * digit–separator–digit joins when the separator may join that kind (WB6/7, WB11/12);
 * combining marks and format characters belong to the character before them (WB4). A word
 * without a letter or digit ({@code ___}) is no word. Words that would reach the tokenizer's
 * longest token are left to Lucene, which cuts them.
 *
 * <p>{@code WordSplitterTest} checks every character's class against Lucene itself, random texts
 * over the classes, and the sample texts.
 */
final class SimpleWordBreaks {
  static final byte OTHER = 0;
  static final byte LETTER = 1;
  static final byte DIGIT = 2;
  static final byte JOINS_LETTERS = 3; // WB MidLetter
  static final byte JOINS_DIGITS = 4; // WB MidNum
  static final byte JOINS_BOTH = 5; // WB MidNumLet, Single_Quote
  static final byte CONNECTOR = 6; // WB ExtendNumLet
  static final byte ATTACHED = 7; // WB Extend, Format
  static final byte NOT_SIMPLE = 8;

  /**
   * Characters assigned after this Unicode version are left to Lucene, whose tables are of an
   * older Unicode than ICU's.
   */
  private static final VersionInfo NEWEST = VersionInfo.getInstance(9, 0);
  /** Words this long or longer go to Lucene, which cuts them at 255 characters. */
  static final int LONGEST_WORD = 200;
  private static final byte[] CLASSES = classes();

  private SimpleWordBreaks() {}

  /** The class of a UTF-16 unit, {@link #NOT_SIMPLE} for a surrogate. */
  static byte classOf(char c) {
    return CLASSES[c];
  }

  /**
   * Adds the words of {@code text} to {@code out} and returns true, or returns false as soon as
   * the text proves not simple (the words added so far are then to be discarded).
   */
  static boolean split(String text, WordSplitter out) {
    byte[] classes = CLASSES;
    int n = text.length();
    int i = 0;
    while (i < n) {
      byte first = classes[text.charAt(i)];
      if (first == NOT_SIMPLE) {
        return false;
      }
      if (first != LETTER && first != DIGIT && first != CONNECTOR) {
        i++;
        continue;
      }
      int start = i;
      byte last = first;
      boolean alphanumeric = first != CONNECTOR;
      i++;
      while (true) {
        i = afterAttached(text, i, n);
        if (i >= n) {
          break;
        }
        byte next = classes[text.charAt(i)];
        if (next == NOT_SIMPLE) {
          return false;
        }
        if (next == LETTER || next == DIGIT || next == CONNECTOR) {
          last = next;
          alphanumeric |= next != CONNECTOR;
          i++;
          continue;
        }
        if (next != JOINS_LETTERS && next != JOINS_DIGITS && next != JOINS_BOTH) {
          break;
        }
        int after = afterAttached(text, i + 1, n);
        if (after >= n) {
          break;
        }
        byte joined = classes[text.charAt(after)];
        if (joined == NOT_SIMPLE) {
          return false;
        }
        boolean letters = last == LETTER && joined == LETTER && next != JOINS_DIGITS;
        boolean digits = last == DIGIT && joined == DIGIT && next != JOINS_LETTERS;
        if (!letters && !digits) {
          break;
        }
        i = after + 1;
      }
      if (i - start >= LONGEST_WORD) {
        return false;
      }
      if (alphanumeric) {
        out.add(start, i, WordSplitter.hasLetter(text, start, i) ? Words.LETTER : 0);
      }
    }
    return true;
  }

  /**
   * The first position from {@code i} that is not a mark or format character: those go with
   * the character before them (WB4).
   */
  private static int afterAttached(String text, int i, int n) {
    while (i < n && CLASSES[text.charAt(i)] == ATTACHED) {
      i++;
    }
    return i;
  }

  private static byte[] classes() {
    byte[] classes = new byte[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      classes[c] = classify(c);
    }
    return classes;
  }

  /**
   * Characters whose word-break property differs between Lucene's Unicode tables and ICU's
   * (tone letters, Armenian and Arabic signs, modifier letters, vertical punctuation): found by
   * {@code WordSplitterTest}, which asks Lucene about every character.
   */
  private static boolean propertyChanged(int c) {
    return c >= 0x02E5 && c <= 0x02EB || c == 0x055A || c == 0x055F || c == 0x058A
        || c >= 0x0600 && c <= 0x0605 || c == 0x06DD || c == 0x070F || c == 0x08E2
        || c == 0x19DA || c >= 0xA708 && c <= 0xA716 || c == 0xFE10 || c == 0xFE14;
  }

  private static byte classify(int c) {
    if (Character.isSurrogate((char) c) || UCharacter.getAge(c).compareTo(NEWEST) > 0
        || propertyChanged(c)) {
      return NOT_SIMPLE;
    }
    boolean asciiEmoji = c < 0x80; // digits, '#', '*' are emoji only in keycap sequences
    if (!asciiEmoji && (UCharacter.hasBinaryProperty(c, UProperty.EXTENDED_PICTOGRAPHIC)
        || UCharacter.hasBinaryProperty(c, UProperty.EMOJI)
        || UCharacter.hasBinaryProperty(c, UProperty.EMOJI_COMPONENT))) {
      return NOT_SIMPLE;
    }
    int script = UScript.getScript(c);
    if (script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA
        || script == UScript.HANGUL || UCharacter.hasBinaryProperty(c, UProperty.IDEOGRAPHIC)
        || UCharacter.getIntPropertyValue(c, UProperty.LINE_BREAK)
            == UCharacter.LineBreak.COMPLEX_CONTEXT) {
      return NOT_SIMPLE;
    }
    return switch (UCharacter.getIntPropertyValue(c, UProperty.WORD_BREAK)) {
      case UCharacter.WordBreak.ALETTER -> LETTER;
      case UCharacter.WordBreak.NUMERIC -> DIGIT;
      case UCharacter.WordBreak.MIDLETTER -> JOINS_LETTERS;
      case UCharacter.WordBreak.MIDNUM -> JOINS_DIGITS;
      case UCharacter.WordBreak.MIDNUMLET, UCharacter.WordBreak.SINGLE_QUOTE -> JOINS_BOTH;
      case UCharacter.WordBreak.EXTENDNUMLET -> CONNECTOR;
      case UCharacter.WordBreak.EXTEND, UCharacter.WordBreak.FORMAT -> ATTACHED;
      // Double quotes join only around Hebrew letters (WB7b/c), which are not simple.
      case UCharacter.WordBreak.OTHER, UCharacter.WordBreak.DOUBLE_QUOTE, UCharacter.WordBreak.CR,
          UCharacter.WordBreak.LF, UCharacter.WordBreak.NEWLINE, UCharacter.WordBreak.WSEGSPACE ->
          OTHER;
      default -> NOT_SIMPLE; // Hebrew letters, Katakana, ZWJ, regional indicators
    };
  }
}
