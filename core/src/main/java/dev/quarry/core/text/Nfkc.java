package dev.quarry.core.text;

import java.text.Normalizer;

/**
 * Unicode NFKC (compatibility composition: fullwidth letters, ligatures, superscripts and
 * compatibility spaces become their plain forms), with a fast path for the common case: a text
 * of ASCII characters only is already in NFKC and is returned as it is, without the copy that
 * {@link Normalizer#normalize} always makes.
 */
public final class Nfkc {
  private Nfkc() {}

  /** {@code text} in NFKC; the same string when it is all ASCII. */
  public static String of(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
      }
    }
    return text;
  }
}
