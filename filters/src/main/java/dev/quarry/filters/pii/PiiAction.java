package dev.quarry.filters.pii;

import java.util.Locale;

/** What the scrubber does with a value of one type. */
public enum PiiAction {
  /** The typed placeholder, e.g. {@code <EMAIL>}. */
  REDACT,
  /** A fake of the same kind, the same for the same value within a document. */
  REPLACE,
  /** A keyed HMAC of the value, e.g. {@code <EMAIL:3f9a0c1d2e4b5a69>}. */
  HASH,
  /** Leave it in the text (and do not count it). */
  KEEP;

  public static PiiAction of(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown PII action '" + name
          + "'; use redact, replace, hash or keep");
    }
  }
}
