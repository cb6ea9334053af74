package dev.quarry.dedup.exact;

import dev.quarry.core.Hashing;
import dev.quarry.core.text.Nfkc;
import java.util.Locale;

/**
 * The exact-dedup key of a text: documents with equal keys are copies of each other once
 * presentation differences are taken out.
 *
 * <p>Normalisation, in order: Unicode NFKC (fullwidth letters, ligatures, compatibility
 * spaces become their plain forms); lower case if {@code lowercase} (off by default: case is
 * content, "US" is not "us"); then, if {@code foldWhitespace} (on by default), every run of
 * whitespace (Java whitespace, Unicode space separators, NEL) becomes one space and the ends
 * are trimmed. With folding off, whitespace is kept exactly as it is.
 *
 * <p>The key is the first 128 bits of SHA-256 of the normalised text's UTF-8, as 32 lower-case
 * hex characters: the form of document ids, readable in Parquet and logs. 128 bits keep a
 * collision among 10<sup>12</sup> documents below 10<sup>−14</sup>.
 *
 * @param lowercase whether to lower-case (Locale.ROOT) after NFKC
 * @param foldWhitespace whether to fold whitespace runs to one space and trim
 */
public record ExactKey(boolean lowercase, boolean foldWhitespace) {
  /** Case kept, whitespace folded. */
  public static ExactKey defaults() {
    return new ExactKey(false, true);
  }

  /** The 32-hex-character key of {@code text}. */
  public String of(String text) {
    return ofNfkc(Nfkc.of(text));
  }

  /** The key of a text already in NFKC ({@link Nfkc#of}), when the caller has it anyway. */
  public String ofNfkc(String nfkcText) {
    return Hashing.sha256Hex(normaliseNfkc(nfkcText)).substring(0, 32);
  }

  /** The text the key hashes. */
  public String normalise(String text) {
    return normaliseNfkc(Nfkc.of(text));
  }

  private String normaliseNfkc(String nfkcText) {
    String cased = cased(nfkcText);
    return foldWhitespace ? folded(cased) : cased;
  }

  private String cased(String nfkcText) {
    return lowercase ? nfkcText.toLowerCase(Locale.ROOT) : nfkcText;
  }

  /**
   * {@code text} with every whitespace run folded to one space and the ends trimmed. Char by
   * char: every whitespace code point is in the Basic Multilingual Plane, so a surrogate is never
   * whitespace and is copied as it is.
   */
  private static String folded(String text) {
    char[] folded = new char[text.length()];
    int size = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWhitespace(c)) {
        pendingSpace = size > 0;
        continue;
      }
      if (pendingSpace) {
        folded[size++] = ' ';
        pendingSpace = false;
      }
      folded[size++] = c;
    }
    return new String(folded, 0, size);
  }

  /**
   * Java whitespace, a Unicode space separator or NEL: {@code Character.isWhitespace(cp) ||
   * Character.isSpaceChar(cp) || cp == 0x85}, answered without Unicode tables below U+1680 —
   * the only such code points there are ASCII's, NEL and NO-BREAK SPACE.
   */
  static boolean isWhitespace(int cp) {
    if (cp < 0x80) {
      return cp <= ' ' && (cp == ' ' || cp >= 0x09 && cp <= 0x0D || cp >= 0x1C);
    }
    if (cp < 0x1680) {
      return cp == 0x85 || cp == 0xA0;
    }
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }
}
