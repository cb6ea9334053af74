package dev.quarry.filters.pii;

import java.util.Locale;

/**
 * Realistic stand-ins for {@link PiiAction#REPLACE}, from ranges reserved so that they can never
 * be anyone's: {@code example.com} addresses, the fictional 555-01xx telephone numbers,
 * documentation IP ranges (192.0.2.0/24, 2001:db8::/32), card and IBAN numbers that no issuer
 * or country uses, SSNs with the never-issued area 000. The n-th distinct value of a type in a
 * document gets the n-th fake.
 */
final class Fakes {
  private Fakes() {}

  static String fake(PiiType type, String value, int n) {
    return switch (type) {
      case EMAIL -> "person" + n + "@example.com";
      case PHONE -> String.format(Locale.ROOT, "+1 202-555-01%02d", n % 100);
      case IP_ADDRESS -> value.indexOf(':') >= 0
          ? "2001:db8::" + Integer.toHexString(n)
          : "192.0.2." + (1 + (n - 1) % 254);
      case CREDIT_CARD -> String.format(Locale.ROOT, "0000 0000 0000 %04d", n % 10_000);
      case IBAN -> String.format(Locale.ROOT, "XX00 0000 0000 %04d", n % 10_000);
      case US_SSN -> String.format(Locale.ROOT, "000-00-%04d", n % 10_000);
      case SECRET -> masked(value);
    };
  }

  /** A secret's shape without its content: letters become x, digits 0, the rest stays. */
  private static String masked(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(Character.isLetter(c) ? 'x' : Character.isDigit(c) ? '0' : c);
    }
    return out.toString();
  }
}
