package dev.quarry.filters.pii;

/**
 * The check-digit tests that make a number valid rather than merely well shaped: Luhn for card
 * numbers and ISO 7064 mod 97-10 for IBANs. Both skip nothing and allocate nothing; the caller
 * hands over the characters it already scanned.
 */
final class Checksums {
  private Checksums() {}

  /** Whether the ASCII digits {@code digits[0, count)} pass the Luhn check. */
  static boolean luhn(char[] digits, int count) {
    int sum = 0;
    boolean doubled = false;
    for (int i = count - 1; i >= 0; i--) {
      int digit = digits[i] - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /**
   * The ISO 7064 mod 97-10 remainder of an IBAN given as upper-case letters and digits,
   * {@code chars[0, count)}: the first four characters moved to the end, each letter read as
   * 10..35. A valid IBAN leaves 1.
   */
  static int ibanRemainder(char[] chars, int count) {
    int remainder = 0;
    for (int i = 0; i < count; i++) {
      char c = chars[(i + 4) % count];
      remainder = c <= '9'
          ? (remainder * 10 + (c - '0')) % 97
          : (remainder * 100 + (c - 'A' + 10)) % 97;
    }
    return remainder;
  }
}
