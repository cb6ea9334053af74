package dev.quarry.filters.pii;

import java.util.List;

/**
 * Finds the values of one {@link PiiType} in a text. Detectors are immutable and thread-safe,
 * never throw on any input (empty, 10 MB of one character, unpaired surrogates...), and are
 * cheap on the common text that holds no candidate at all: a fast pre-check (a character scan
 * for '@', a run of digits...) comes before any pattern or parser. Validity decides, not shape:
 * a card number passes Luhn and its issuer's prefix and length, a phone number libphonenumber's
 * validation; version numbers, dates, ISBNs and hashes are not PII.
 */
public interface PiiDetector {
  PiiType type();

  /** Appends every value found in {@code text} to {@code out}, in any order. */
  void find(String text, PiiContext context, List<PiiSpan> out);
}
