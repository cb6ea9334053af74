package dev.quarry.filters.pii;

import java.util.List;

/**
 * IBANs: an upper-case country code from SWIFT's registry ({@link IbanCountries}), two check
 * digits and the account (BBAN), written compact or in groups of four split by single spaces,
 * exactly as long as the registry says for that country and with mod 97 = 1. The detail is the
 * country code.
 *
 * <p>Only upper case is read: IBANs are printed that way, and lower-case words followed by digits
 * are far more often something else. The IBAN must not be glued to a word, and a grouped IBAN
 * followed by one more group of digits is part of a longer number. The scan looks for two capital
 * letters and two digits before anything else, so prose costs one pass over the chars.
 */
public final class IbanDetector implements PiiDetector {
  private static final int MAX_LENGTH = 34;

  @Override
  public PiiType type() {
    return PiiType.IBAN;
  }

  @Override
  public void find(String text, PiiContext context, List<PiiSpan> out) {
    char[] chars = new char[MAX_LENGTH];
    int last = text.length() - 4;
    for (int i = 0; i <= last; i++) {
      char first = text.charAt(i);
      char second;
      if (!NumberBounds.isUpper(first) || !NumberBounds.isUpper(second = text.charAt(i + 1))
          || !NumberBounds.isDigit(text.charAt(i + 2)) || !NumberBounds.isDigit(text.charAt(i + 3))
          || i > 0 && NumberBounds.isWordChar(text.charAt(i - 1))) {
        continue;
      }
      int length = IbanCountries.length(first, second);
      int end = length == 0 ? -1 : read(text, i, length, chars);
      if (end > 0 && Checksums.ibanRemainder(chars, length) == 1) {
        out.add(new PiiSpan(PiiType.IBAN, i, end, text.substring(i, i + 2)));
        i = end - 1;
      }
    }
  }

  /**
   * Reads {@code length} IBAN characters from {@code start} into {@code chars}, compact or in
   * groups of four; the end of the written IBAN, or -1 if the text is not one of that length.
   */
  private static int read(String text, int start, int length, char[] chars) {
    int n = text.length();
    boolean grouped = start + 4 < n && text.charAt(start + 4) == ' ';
    int count = 0;
    int inGroup = 0;
    int i = start;
    while (count < length) {
      if (i >= n) {
        return -1;
      }
      char c = text.charAt(i++);
      if ((NumberBounds.isUpper(c) || NumberBounds.isDigit(c)) && !(grouped && inGroup == 4)) {
        chars[count++] = c;
        inGroup++;
      } else if (grouped && c == ' ' && inGroup == 4) {
        inGroup = 0;
      } else {
        return -1;
      }
    }
    if (i < n) {
      char after = text.charAt(i);
      boolean anotherGroup = grouped && after == ' ' && i + 1 < n
          && NumberBounds.isDigit(text.charAt(i + 1));
      if (NumberBounds.isWordChar(after) || anotherGroup) {
        return -1;
      }
    }
    return i;
  }
}
