package dev.quarry.filters.pii;

import java.util.Locale;

/**
 * The card brands a number is checked against, each with its issuer prefixes (IIN ranges) and
 * the lengths it issues. A number is a card number only if one brand claims both its prefix and
 * its length and it passes Luhn. The ranges follow the brands' published IIN tables:
 *
 * <table>
 *   <caption>Prefixes and lengths</caption>
 *   <tr><th>brand</th><th>prefixes</th><th>lengths</th></tr>
 *   <tr><td>visa</td><td>4</td><td>13, 16, 19</td></tr>
 *   <tr><td>mastercard</td><td>51–55, 2221–2720</td><td>16</td></tr>
 *   <tr><td>amex</td><td>34, 37</td><td>15</td></tr>
 *   <tr><td>discover</td><td>6011, 644–649, 65</td><td>16–19</td></tr>
 *   <tr><td>jcb</td><td>3528–3589</td><td>16–19</td></tr>
 *   <tr><td>diners</td><td>300–305, 3095, 36, 38–39</td><td>14–19</td></tr>
 *   <tr><td>unionpay</td><td>62</td><td>16–19</td></tr>
 *   <tr><td>maestro</td><td>5018, 5020, 5038, 5893, 6304, 6759, 6761–6763</td><td>12–19</td></tr>
 *   <tr><td>mir</td><td>2200–2204</td><td>16–19</td></tr>
 * </table>
 *
 * <p>No two rows overlap. UnionPay's 622126–622925, which Discover also accepts, stays
 * {@code unionpay}: UnionPay issues those cards.
 */
public enum CardBrand {
  VISA, MASTERCARD, AMEX, DISCOVER, JCB, DINERS, UNIONPAY, MAESTRO, MIR;

  /** One IIN range: the first {@code digits} digits lie in {@code [low, high]}; lengths as bits. */
  private record Range(CardBrand brand, int digits, int low, int high, int lengths) {}

  private static final int VISA_LENGTHS = 1 << 13 | 1 << 16 | 1 << 19;

  private static final Range[] RANGES = {
      new Range(VISA, 1, 4, 4, VISA_LENGTHS),
      new Range(MASTERCARD, 2, 51, 55, lengths(16, 16)),
      new Range(MASTERCARD, 4, 2221, 2720, lengths(16, 16)),
      new Range(AMEX, 2, 34, 34, lengths(15, 15)),
      new Range(AMEX, 2, 37, 37, lengths(15, 15)),
      new Range(DISCOVER, 4, 6011, 6011, lengths(16, 19)),
      new Range(DISCOVER, 3, 644, 649, lengths(16, 19)),
      new Range(DISCOVER, 2, 65, 65, lengths(16, 19)),
      new Range(JCB, 4, 3528, 3589, lengths(16, 19)),
      new Range(DINERS, 3, 300, 305, lengths(14, 19)),
      new Range(DINERS, 4, 3095, 3095, lengths(14, 19)),
      new Range(DINERS, 2, 36, 36, lengths(14, 19)),
      new Range(DINERS, 2, 38, 39, lengths(14, 19)),
      new Range(UNIONPAY, 2, 62, 62, lengths(16, 19)),
      new Range(MAESTRO, 4, 5018, 5018, lengths(12, 19)),
      new Range(MAESTRO, 4, 5020, 5020, lengths(12, 19)),
      new Range(MAESTRO, 4, 5038, 5038, lengths(12, 19)),
      new Range(MAESTRO, 4, 5893, 5893, lengths(12, 19)),
      new Range(MAESTRO, 4, 6304, 6304, lengths(12, 19)),
      new Range(MAESTRO, 4, 6759, 6759, lengths(12, 19)),
      new Range(MAESTRO, 4, 6761, 6763, lengths(12, 19)),
      new Range(MIR, 4, 2200, 2204, lengths(16, 19)),
  };

  private static int lengths(int min, int max) {
    return (1 << max + 1) - (1 << min);
  }

  /** The name in a span's detail and in the corpus: {@code visa}, {@code amex}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The brand whose prefix and length fit {@code digits[0, count)}, or null. */
  static CardBrand of(char[] digits, int count) {
    for (Range range : RANGES) {
      if ((range.lengths() & 1 << count) != 0) {
        int prefix = 0;
        for (int i = 0; i < range.digits(); i++) {
          prefix = prefix * 10 + (digits[i] - '0');
        }
        if (prefix >= range.low() && prefix <= range.high()) {
          return range.brand();
        }
      }
    }
    return null;
  }
}
