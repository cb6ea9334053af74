package dev.quarry.filters.pii;

/**
 * Whether a number found in a text stands on its own. A number glued to a word is part of an
 * identifier (hex digests, {@code INV2025…}, {@code 1Z999AA1…}); a number with a digit on the
 * far side of a joining character ({@code 3.1415…}, {@code 12-123-45-6789}) is a piece of a
 * longer number or a decimal; one after {@code +} is a phone number. A comma does not join:
 * cards and SSNs are too long to be thousands groups, and CSV puts commas between numbers. Only
 * ASCII counts as glue, so a number right after Chinese or Japanese text ({@code 卡号6222…})
 * still stands on its own.
 */
final class NumberBounds {
  private NumberBounds() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  /** The index of the first ASCII digit at or after {@code from}, or -1. */
  static int nextDigit(CharSequence text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (isDigit(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The end of the run of ASCII digits that starts at {@code start}. */
  static int digitRunEnd(CharSequence text, int start) {
    int i = start;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** An ASCII letter, digit or underscore: what identifiers are made of. */
  static boolean isWordChar(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
  }

  /**
   * Whether {@code text[start, end)} is neither glued to a word nor continued by another number:
   * no word character next to it, no {@code +} before it, and no digit beyond a neighbouring
   * {@code joiner} (a decimal point always joins).
   */
  static boolean standsAlone(CharSequence text, int start, int end, String joiners) {
    if (start > 0) {
      char before = text.charAt(start - 1);
      if (isWordChar(before) || before == '+'
          || joins(before, joiners) && start > 1 && isDigit(text.charAt(start - 2))) {
        return false;
      }
    }
    if (end < text.length()) {
      char after = text.charAt(end);
      return !isWordChar(after)
          && !(joins(after, joiners) && end + 1 < text.length() && isDigit(text.charAt(end + 1)));
    }
    return true;
  }

  private static boolean joins(char c, String joiners) {
    return c == '.' || joiners.indexOf(c) >= 0;
  }
}
