package dev.quarry.filters.pii;

import java.util.List;

/**
 * Passwords in URLs, {@code scheme://user:PASSWORD@host}; the span is the password only. The
 * password must look generated ({@link Randomness}: at least {@value #MIN_LENGTH} chars, two
 * kinds of character, 2.5 bits per char), which keeps {@code user:password@}, {@code root:root@}
 * and {@code ${DB_PASSWORD}} out. Each {@code ://} is read at most {@value #MAX_USERINFO} chars
 * ahead.
 */
final class UrlPasswords {
  private static final String MARK = "://";
  private static final int MAX_USERINFO = 256;
  private static final int MIN_LENGTH = 8;
  private static final double MIN_BITS = 2.5;

  private UrlPasswords() {}

  static void find(String text, List<PiiSpan> out) {
    int n = text.length();
    for (int at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, at + 1)) {
      if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
        continue;
      }
      int start = at + MARK.length();
      int limit = Math.min(n, start + MAX_USERINFO);
      int colon = -1;
      int i = start;
      while (i < limit && !endsUserInfo(text.charAt(i))) {
        if (colon < 0 && text.charAt(i) == ':') {
          colon = i;
        }
        i++;
      }
      boolean hasHost = i + 1 < n && text.charAt(i) == '@'
          && (Character.isLetterOrDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '[');
      if (hasHost && colon >= 0
          && Randomness.looksRandom(text, colon + 1, i, MIN_LENGTH, MIN_BITS, 2)) {
        out.add(SecretKind.URL_PASSWORD.span(colon + 1, i));
      }
    }
  }

  private static boolean endsUserInfo(char c) {
    return c == '@' || c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\''
        || c == '<' || c == '>';
  }
}
