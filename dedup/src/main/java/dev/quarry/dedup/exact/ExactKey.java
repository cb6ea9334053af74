package dev.quarry.dedup.exact;

import dev.quarry.core.Hashing;
import dev.quarry.core.text.Nfkc;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.IntConsumer;

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
    return KeyDigest.FOR_THREAD.get().key(cased(nfkcText), foldWhitespace);
  }

  /** The text the key hashes. */
  public String normalise(String text) {
    String cased = cased(Nfkc.of(text));
    StringBuilder folded = new StringBuilder(cased.length());
    forEachCodePoint(cased, foldWhitespace, folded::appendCodePoint);
    return folded.toString();
  }

  private String cased(String nfkcText) {
    return lowercase ? nfkcText.toLowerCase(Locale.ROOT) : nfkcText;
  }

  /**
   * Gives {@code sink} the code points of {@code text}, with every whitespace run folded to one
   * space and the ends trimmed when {@code fold}: the one definition of the text the key hashes.
   */
  private static void forEachCodePoint(String text, boolean fold, IntConsumer sink) {
    boolean pendingSpace = false;
    boolean any = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.charAt(i);
      if (Character.isSurrogate((char) cp)) {
        cp = text.codePointAt(i);
      }
      i += Character.charCount(cp);
      if (fold && isWhitespace(cp)) {
        pendingSpace = any;
        continue;
      }
      if (pendingSpace) {
        sink.accept(' ');
        pendingSpace = false;
      }
      sink.accept(cp);
      any = true;
    }
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

  /**
   * SHA-256 of the normalised text's UTF-8, encoded as the folded code points come: the same
   * bytes as {@code sha256(normalise(text).getBytes(UTF_8))} — unpaired surrogates become
   * {@code ?} as there — without building the folded string or its byte array. One per thread.
   */
  private static final class KeyDigest {
    static final ThreadLocal<KeyDigest> FOR_THREAD = ThreadLocal.withInitial(KeyDigest::new);
    private final MessageDigest digest = Hashing.sha256();
    private final byte[] buffer = new byte[8192];
    private int size;

    String key(String text, boolean fold) {
      size = 0;
      forEachCodePoint(text, fold, this::put);
      digest.update(buffer, 0, size);
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private void put(int cp) {
      if (size > buffer.length - 4) {
        digest.update(buffer, 0, size);
        size = 0;
      }
      if (cp < 0x80) {
        buffer[size++] = (byte) cp;
      } else if (cp < 0x800) {
        buffer[size++] = (byte) (0xC0 | cp >> 6);
        buffer[size++] = (byte) (0x80 | cp & 0x3F);
      } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        buffer[size++] = '?'; // unpaired: what String.getBytes(UTF_8) writes
      } else if (cp < 0x10000) {
        buffer[size++] = (byte) (0xE0 | cp >> 12);
        buffer[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buffer[size++] = (byte) (0x80 | cp & 0x3F);
      } else {
        buffer[size++] = (byte) (0xF0 | cp >> 18);
        buffer[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
        buffer[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
        buffer[size++] = (byte) (0x80 | cp & 0x3F);
      }
    }
  }
}
