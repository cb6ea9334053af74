package dev.quarry.ingest.html;

/**
 * Text decoded from bytes, the charset used, and how many malformed byte sequences were replaced
 * with U+FFFD on the way.
 */
public record DecodedText(String text, String charset, long malformed) {

  /** More than 1% of the characters came from bytes that were not valid in the charset. */
  public boolean mostlyInvalid() {
    return malformed > 0 && malformed * 100 > Math.max(1, text.length());
  }
}
