package dev.quarry.filters.pii;

import java.util.Arrays;

/**
 * A run of digit groups as written, the unit the phone detector judges: an optional {@code +},
 * groups of digits, some in parentheses ({@code (0)161}, {@code (404)}), separated by a space, a
 * {@code -}, {@code .} or {@code /} (with a space on either side at most), or by nothing after a
 * closing parenthesis. The run is maximal, so a number inside a longer run of groups is never a
 * candidate of its own: {@code 4111 1111 1111 1111} is one run of 16 digits, not a phone number
 * followed by more digits.
 *
 * @param digits the digits alone
 * @param groups the digit count of each group
 * @param separators the separator after each group but the last ({@code ' '}, {@code '-'},
 *     {@code '.'}, {@code '/'}, or {@code ')'} for nothing after a parenthesis)
 * @param parenthesized which groups stand in parentheses
 */
record PhoneCandidate(int start, int end, boolean plus, String digits, int[] groups,
    char[] separators, boolean[] parenthesized) {
  /** More groups than any phone number is written in; a longer run is not one. */
  static final int MAX_GROUPS = 12;
  /** More digits than any phone number has, even with a {@code 00} prefix. */
  static final int MAX_DIGITS = 17;

  /**
   * Whether at least {@code min} digits follow {@code start} among the characters a run is
   * written with, looking at most 3 chars a digit ahead: the cheap test before {@link #read}
   * (which allocates), so that years, prices and list numbers cost a few comparisons.
   */
  static boolean hasDigitsAhead(String text, int start, int min) {
    int digits = 0;
    int limit = Math.min(text.length(), start + 3 * min + 6);
    for (int i = start; i < limit; i++) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        if (++digits >= min) {
          return true;
        }
      } else if (!isSpace(c) && "+-./()".indexOf(c) < 0) {
        return false;
      }
    }
    return false;
  }

  /**
   * The run starting at {@code start} (a digit, {@code +digit} or {@code (digit}), read up to
   * {@link #MAX_GROUPS} groups; null when it is no run at all. The caller skips to {@link #end}.
   */
  static PhoneCandidate read(String text, int start) {
    int n = text.length();
    int p = start;
    boolean plus = text.charAt(p) == '+';
    if (plus) {
      p++;
    }
    int[] groups = new int[MAX_GROUPS + 1];
    char[] separators = new char[MAX_GROUPS + 1];
    boolean[] parenthesized = new boolean[MAX_GROUPS + 1];
    int count = 0;
    StringBuilder digits = new StringBuilder(20);
    int end = -1;
    while (count <= MAX_GROUPS && digits.length() <= MAX_DIGITS) {
      boolean paren = p < n && text.charAt(p) == '(';
      int q = paren ? p + 1 : p;
      int digitsStart = q;
      while (q < n && isDigit(text.charAt(q))) {
        q++;
      }
      if (q == digitsStart || paren && (q >= n || text.charAt(q) != ')')) {
        break;
      }
      groups[count] = q - digitsStart;
      parenthesized[count] = paren;
      digits.append(text, digitsStart, q);
      count++;
      end = paren ? q + 1 : q;
      int next = separatorEnd(text, end, paren);
      if (next < 0) {
        break;
      }
      separators[count - 1] = separator(text, end, next);
      p = next;
    }
    if (count == 0) {
      return null;
    }
    return new PhoneCandidate(start, end, plus, digits.toString(), Arrays.copyOf(groups, count),
        Arrays.copyOf(separators, Math.max(0, count - 1)), Arrays.copyOf(parenthesized, count));
  }

  /**
   * Where the next group starts after a separator at {@code p}, or -1: a space, a
   * {@code -./} with at most a space on each side, or nothing after {@code )}; a group follows.
   */
  private static int separatorEnd(String text, int p, boolean afterParen) {
    int n = text.length();
    int q = p;
    if (q < n && isSpace(text.charAt(q))) {
      q++;
    }
    if (q < n && "-./".indexOf(text.charAt(q)) >= 0) {
      q++;
      if (q < n && isSpace(text.charAt(q))) {
        q++;
      }
    }
    if (q == p && !afterParen) {
      return -1;
    }
    boolean groupFollows = q < n && (isDigit(text.charAt(q))
        || text.charAt(q) == '(' && q + 1 < n && isDigit(text.charAt(q + 1)));
    return groupFollows ? q : -1;
  }

  private static char separator(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if ("-./".indexOf(text.charAt(i)) >= 0) {
        return text.charAt(i);
      }
    }
    return from == to ? ')' : ' ';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\u00A0' || c == '\u2009' || c == '\u202F';
  }

  int groupCount() {
    return groups.length;
  }

  /**
   * Whether the number starts with the international prefix {@code 00} instead of {@code +},
   * written with its country code ({@code 0049 69 …}); {@code 00 63 24 52 73} is a list of pairs.
   */
  boolean doubleZero() {
    return !plus && !parenthesized[0] && groups[0] > 2 && digits.startsWith("00")
        && !digits.startsWith("000");
  }

  /** Whether it is written as an international number: {@code +49 …} or {@code 0049 …}. */
  boolean international() {
    return plus || doubleZero();
  }
}
