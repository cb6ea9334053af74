package dev.quarry.filters.pii;

import java.util.List;

/**
 * Payment card numbers: 12 to 19 digits, run together or in the groups cards are printed in,
 * split by single spaces or by single dashes (one kind per number), that pass Luhn and fit a
 * {@link CardBrand}'s prefix and length. The detail is the brand.
 *
 * <p>The groupings are those cards use: fours with a shorter last group (16 = 4-4-4-4,
 * 19 = 4-4-4-4-3, 13 = 4-4-4-1 …), American Express 4-6-5 and Diners Club 4-6-4. The whole
 * run of space- or dash-joined digit groups must be the card: a tracking number of six groups
 * or a table row of three-digit groups is no card, nor is a number glued to a word, a decimal,
 * or a number after {@code +}. Test numbers such as {@code 4111 1111 1111 1111} are card numbers
 * (they pass every check); all-same-digit numbers need no rule of their own: none of 12–19
 * digits passes both Luhn and a brand.
 *
 * <p>The scan looks at digits only; prose without a 12-digit run costs one pass over the chars.
 */
public final class CreditCardDetector implements PiiDetector {
  private static final int MIN_DIGITS = 12;
  private static final int MAX_DIGITS = 19;
  private static final int MAX_GROUPS = 5;

  @Override
  public PiiType type() {
    return PiiType.CREDIT_CARD;
  }

  @Override
  public void find(String text, PiiContext context, List<PiiSpan> out) {
    GroupedDigits number = new GroupedDigits();
    for (int start = NumberBounds.nextDigit(text, 0); start >= 0;
        start = NumberBounds.nextDigit(text, number.end)) {
      number.read(text, start);
      if (number.isCardShaped() && NumberBounds.standsAlone(text, start, number.end, "/")
          && Checksums.luhn(number.digits, number.count)) {
        CardBrand brand = CardBrand.of(number.digits, number.count);
        if (brand != null) {
          out.add(new PiiSpan(PiiType.CREDIT_CARD, start, number.end, brand.key()));
        }
      }
    }
  }

  /** A run of digit groups joined by single spaces or dashes, as far as it goes. */
  private static final class GroupedDigits {
    /** The first {@link #MAX_DIGITS} digits; {@link #count} of them are set. */
    final char[] digits = new char[MAX_DIGITS];
    final int[] groups = new int[MAX_GROUPS];
    int count;
    int total;
    int groupCount;
    int end;
    boolean oneSeparator;

    void read(String text, int start) {
      count = 0;
      total = 0;
      groupCount = 0;
      oneSeparator = true;
      char separator = 0;
      int i = start;
      while (true) {
        int groupEnd = NumberBounds.digitRunEnd(text, i);
        for (int k = i; k < groupEnd && count < MAX_DIGITS; k++) {
          digits[count++] = text.charAt(k);
        }
        total += groupEnd - i;
        if (groupCount < MAX_GROUPS) {
          groups[groupCount] = groupEnd - i;
        }
        groupCount++;
        i = groupEnd;
        boolean joined = i + 1 < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')
            && NumberBounds.isDigit(text.charAt(i + 1));
        if (!joined) {
          break;
        }
        oneSeparator &= separator == 0 || separator == text.charAt(i);
        separator = text.charAt(i++);
      }
      end = i;
    }

    /** 12 to 19 digits with one kind of separator, in a grouping cards are printed in. */
    boolean isCardShaped() {
      return oneSeparator && total >= MIN_DIGITS && total <= MAX_DIGITS
          && groupCount <= MAX_GROUPS && isCardGrouping();
    }

    /** Ungrouped, fours with a shorter last group, or the 4-6-5 / 4-6-4 of Amex and Diners. */
    private boolean isCardGrouping() {
      if (groupCount == 1) {
        return true;
      }
      if (groupCount == 3 && groups[0] == 4 && groups[1] == 6) {
        return groups[2] == 5 || groups[2] == 4;
      }
      for (int g = 0; g < groupCount - 1; g++) {
        if (groups[g] != 4) {
          return false;
        }
      }
      return groups[groupCount - 1] <= 4;
    }
  }
}
