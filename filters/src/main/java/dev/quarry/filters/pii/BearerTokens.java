package dev.quarry.filters.pii;

import java.util.List;

/**
 * OAuth bearer tokens: the token after {@code Bearer } (as in {@code Authorization: Bearer …},
 * quoted or not), made of RFC 6750's token chars ({@code A-Z a-z 0-9 - . _ ~ + /}, trailing
 * {@code =}), at least {@value #MIN_LENGTH} long and random ({@link Randomness}; two kinds of
 * character, 3 bits per char). That keeps {@code Bearer <token>}, {@code Bearer {{access_token}}},
 * {@code "token_type": "Bearer"} and "bearer bonds" out.
 */
final class BearerTokens {
  private static final String MARK = "earer ";
  private static final int MIN_LENGTH = 16;
  private static final int MAX_LENGTH = 4096;
  private static final double MIN_BITS = 3.0;

  private BearerTokens() {}

  static void find(String text, List<PiiSpan> out) {
    for (int at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, at + 1)) {
      if (at == 0 || (text.charAt(at - 1) | 0x20) != 'b'
          || at > 1 && Character.isLetter(text.charAt(at - 2))) {
        continue;
      }
      int start = at + MARK.length();
      int limit = Math.min(text.length(), start + MAX_LENGTH);
      int end = start;
      while (end < limit && isTokenChar(text.charAt(end))) {
        end++;
      }
      while (end > start && text.charAt(end - 1) == '.') {
        end--;
      }
      if (Randomness.looksRandom(text, start, end, MIN_LENGTH, MIN_BITS, 2)) {
        out.add(SecretKind.BEARER_TOKEN.span(start, end));
        at = end - 1;
      }
    }
  }

  private static boolean isTokenChar(char c) {
    return NumberBounds.isWordChar(c) || c == '-' || c == '.' || c == '~' || c == '+' || c == '/'
        || c == '=';
  }
}
