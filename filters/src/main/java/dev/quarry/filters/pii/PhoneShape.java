package dev.quarry.filters.pii;

/**
 * The shapes of digit runs that are not phone numbers however valid libphonenumber finds their
 * digits: every nine-digit string starting with 6 is a Spanish mobile number, every eight-digit
 * one a number somewhere. These rules look only at the run as written and its neighbours;
 * {@link PhoneDetector} adds the words around it and validity.
 */
final class PhoneShape {
  private PhoneShape() {}

  /** Whether the run is a phone number's shape at all (none of the rules below). */
  static boolean plausible(String text, PhoneCandidate c) {
    int digits = c.digits().length();
    int max = c.doubleZero() ? PhoneCandidate.MAX_DIGITS : 15;
    return digits >= 7 && digits <= max && c.groupCount() <= PhoneCandidate.MAX_GROUPS
        && standsAlone(text, c.start(), c.end()) && !hasDate(c) && !isDottedNumber(c)
        && !mixesSeparators(c) && (c.international() || plausibleNational(c));
  }

  /**
   * Not part of a longer token: no letter or digit touches it, and it does not continue a
   * decimal ({@code 3.14}), a time ({@code 10:12}), a path or an identifier ({@code TQ3A.230901},
   * {@code 10.1145/3292500}, {@code PO-0055}, {@code #48213}), nor is continued by one
   * ({@code 123-4567-X9}, {@code 4.815.162,42}, {@code 37.7749°}).
   */
  static boolean standsAlone(String text, int start, int end) {
    if (start > 0) {
      char prev = text.charAt(start - 1);
      char before = start > 1 ? text.charAt(start - 2) : ' ';
      if (isWordChar(prev) || "#$€£¥₽₹%°".indexOf(prev) >= 0
          || ".,".indexOf(prev) >= 0 && isWordChar(before)
          || ":".indexOf(prev) >= 0 && PhoneCandidate.isDigit(before)
          || "-/+".indexOf(prev) >= 0 && isWordChar(before)) {
        return false;
      }
    }
    if (end < text.length()) {
      char next = text.charAt(end);
      char after = end + 1 < text.length() ? text.charAt(end + 1) : ' ';
      return !isWordChar(next) && "%°€£¥₽₹@".indexOf(next) < 0
          && !(".,:".indexOf(next) >= 0 && PhoneCandidate.isDigit(after))
          && !("-/+".indexOf(next) >= 0 && isWordChar(after));
    }
    return true;
  }

  /**
   * Letters and digits of scripts written with spaces. Chinese and Japanese write a number
   * straight after a word ({@code 拨打13812345678}), so their characters do not join a run.
   */
  private static boolean isWordChar(char c) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
    if (!Character.isLetterOrDigit(c) || c >= 0xFF00 && c <= 0xFFEF) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
        && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL;
  }

  /**
   * A date among three consecutive groups joined by one {@code ./-} separator: day, month and
   * a four-digit year in either order ({@code 01.09.2023}, {@code 2024-05-02}), or a two-digit
   * one after slashes ({@code 03/04/25}); so also {@code 2024-07-04 23} before a time. French
   * numbers in pairs ({@code 01-23-45-67-89}) have no four-digit group and no slash.
   */
  static boolean hasDate(PhoneCandidate c) {
    int[] offsets = offsets(c);
    for (int g = 0; g + 2 < c.groupCount(); g++) {
      char sep = c.separators()[g];
      if (sep == c.separators()[g + 1] && "./-".indexOf(sep) >= 0) {
        int a = value(c, offsets, g);
        int b = value(c, offsets, g + 1);
        int y = value(c, offsets, g + 2);
        int[] sizes = {c.groups()[g], c.groups()[g + 1], c.groups()[g + 2]};
        boolean dayMonthYear = sizes[0] <= 2 && sizes[1] <= 2 && (sizes[2] == 4 && isYear(y)
            || sizes[2] == 2 && sep == '/') && isDayAndMonth(a, b);
        boolean yearMonthDay = sizes[0] == 4 && isYear(a) && sizes[1] <= 2 && sizes[2] <= 2
            && b >= 1 && b <= 12 && y >= 1 && y <= 31;
        if (dayMonthYear || yearMonthDay) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Dots make numbers, not phone numbers, unless there are at least three groups: a decimal
   * ({@code 52.520008}), thousands ({@code 12.500.000}), an IPv4 address or a version.
   */
  static boolean isDottedNumber(PhoneCandidate c) {
    boolean dotted = false;
    boolean thousands = c.groups()[0] <= 3;
    boolean ipLike = c.groupCount() == 4;
    for (int g = 0; g < c.groupCount() - 1; g++) {
      dotted |= c.separators()[g] == '.';
      ipLike &= c.separators()[g] == '.';
    }
    for (int g = 0; g < c.groupCount(); g++) {
      thousands &= g == 0 || c.groups()[g] == 3;
      ipLike &= c.groups()[g] <= 3;
    }
    return dotted && (c.groupCount() < 3 || thousands || ipLike);
  }

  /** More than one of {@code - . /} in one number: a DOI, a path, a catalogue number. */
  static boolean mixesSeparators(PhoneCandidate c) {
    char seen = 0;
    for (char sep : c.separators()) {
      if ("-./".indexOf(sep) >= 0) {
        if (seen != 0 && seen != sep) {
          return true;
        }
        seen = sep;
      }
    }
    return false;
  }

  /**
   * National numbers are written in groups of two to five digits: a group of one is a list, an
   * ISBN ({@code 0-306-40615-2}), a thousands separator ({@code 1 048 576}), a contract number
   * ({@code 0 031 552 408}) unless it is the trunk prefix before an area code in parentheses
   * ({@code 8 (352) …}) or a US {@code 1 800 …}. SSNs ({@code 3-2-4}), ZIP+4 ({@code 5-4}), the
   * Brazilian CEP ({@code 5-3}) and the US EIN ({@code 2-7}) have shapes no national plan writes.
   * A slash stands only after an area code with its trunk prefix ({@code 0221/5670248}); else it
   * is a fraction, a ratio or a path.
   */
  static boolean plausibleNational(PhoneCandidate c) {
    int[] g = c.groups();
    for (int i = 0; i < g.length; i++) {
      boolean trunkPrefix = i == 0 && g.length > 1 && (c.parenthesized()[1]
          || c.digits().charAt(0) == '1' && g[1] == 3);
      if (g[i] == 1 && !trunkPrefix) {
        return false;
      }
    }
    if (g.length == 3 && g[0] == 3 && g[1] == 2 && g[2] == 4) {
      return false;
    }
    for (int i = 0; i < c.separators().length; i++) {
      if (c.separators()[i] == '/' && (i > 0 || c.digits().charAt(0) != '0')) {
        return false; // a slash only after a trunk-prefixed area code: 0221/5670248
      }
    }
    return !(g.length == 2 && c.separators()[0] == '-'
        && (g[0] == 5 && (g[1] == 4 || g[1] == 3) || g[0] == 2 && g[1] == 7));
  }

  private static boolean isDayAndMonth(int a, int b) {
    return a >= 1 && b >= 1 && (a <= 31 && b <= 12 || a <= 12 && b <= 31);
  }

  private static boolean isYear(int y) {
    return y >= 1900 && y <= 2099;
  }

  private static int[] offsets(PhoneCandidate c) {
    int[] offsets = new int[c.groupCount() + 1];
    for (int g = 0; g < c.groupCount(); g++) {
      offsets[g + 1] = offsets[g] + c.groups()[g];
    }
    return offsets;
  }

  private static int value(PhoneCandidate c, int[] offsets, int g) {
    int v = 0;
    for (int i = offsets[g]; i < offsets[g + 1] && i - offsets[g] < 9; i++) {
      v = v * 10 + c.digits().charAt(i) - '0';
    }
    return v;
  }
}
