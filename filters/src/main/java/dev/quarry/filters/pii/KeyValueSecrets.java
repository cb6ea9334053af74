package dev.quarry.filters.pii;

import java.util.List;

/**
 * Random values assigned to a secret's name ({@link SecretKeyNames}): {@code api_key = "…"},
 * {@code "client_secret": "…"}, {@code SECRET_KEY=…}, {@code password: …}, {@code ?password=…}
 * in a URL query, {@code X-Api-Key: …}. The span is the value without its quotes.
 *
 * <p>Every {@code =} and {@code :} is a candidate (not {@code ==}, {@code !=}, {@code <=},
 * {@code ::} or {@code ://}); the name is read backwards from it, so prose costs a look at the
 * word before each colon. A quoted value runs to its closing quote on the same line; an unquoted
 * one to white space or {@code , ; " ' `}, and in a URL query also to {@code &} and
 * {@code #}. An unquoted value that starts as code — a name, then a call, member or index
 * ({@code parser.currentToken()}, {@code os.environ[…]}, {@code Pattern.compile(}) — computes
 * the secret rather than holding it (a literal secret in code is quoted). The value must look
 * generated ({@link Randomness}): at least {@value #MIN_LENGTH}
 * chars, two kinds of character and 3.5 bits per char (3.0 for hex) — the thresholds the corpus
 * was labelled with.
 */
final class KeyValueSecrets {
  private static final int MIN_LENGTH = 16;
  private static final int MAX_LENGTH = 512;
  private static final double MIN_BITS = 3.5;
  private static final int MAX_SPACES = 4;
  private static final int MAX_NAME = 64;
  /** Longest leading name taken for code: a JWT's 36-char header before its dot is no name. */
  private static final int MAX_CODE_NAME = 24;

  private KeyValueSecrets() {}

  static void find(String text, List<PiiSpan> out) {
    int equals = text.indexOf('=');
    int colon = text.indexOf(':');
    int examined = 0;
    while (equals >= 0 || colon >= 0) {
      int at = colon < 0 || equals >= 0 && equals < colon ? equals : colon;
      if (at >= examined && isAssignment(text, at)) {
        examined = Math.max(examined, value(text, at, out));
      }
      if (at == equals) {
        equals = text.indexOf('=', at + 1);
      } else {
        colon = text.indexOf(':', at + 1);
      }
    }
  }

  private static boolean isAssignment(String text, int at) {
    char next = at + 1 < text.length() ? text.charAt(at + 1) : ' ';
    char previous = at > 0 ? text.charAt(at - 1) : ' ';
    if (text.charAt(at) == ':') {
      return next != '=' && next != '/' && next != ':' && previous != ':';
    }
    return next != '=' && previous != '=' && previous != '!' && previous != '<'
        && previous != '>';
  }

  /**
   * Reads the name before the separator at {@code at} and, if it names a secret, the value;
   * returns where the examined value ends (0 if none was), as separators inside a value assign
   * nothing.
   */
  private static int value(String text, int at, List<PiiSpan> out) {
    int nameEnd = at > 0 && text.charAt(at - 1) == ':' ? at - 1 : at;
    nameEnd = skipBack(text, nameEnd);
    if (nameEnd > 0 && isQuote(text.charAt(nameEnd - 1))) {
      nameEnd--;
    }
    int nameStart = nameEnd;
    while (nameStart > 0 && nameEnd - nameStart < MAX_NAME
        && isNameChar(text.charAt(nameStart - 1))) {
      nameStart--;
    }
    if (nameStart == nameEnd || !SecretKeyNames.isSecretName(text, nameStart, nameEnd)) {
      return 0;
    }
    boolean inQuery = nameStart > 0
        && (text.charAt(nameStart - 1) == '?' || text.charAt(nameStart - 1) == '&');
    int start = at + 1;
    if (text.charAt(at) == '=' && start < text.length() && text.charAt(start) == '>') {
      start++;
    }
    start = skipForward(text, start);
    int end;
    if (start < text.length() && isQuote(text.charAt(start))) {
      char quote = text.charAt(start++);
      end = closingQuote(text, start, quote);
    } else {
      end = unquotedEnd(text, start, inQuery);
      if (isCode(text, start, end)) {
        return end;
      }
    }
    if (end > start && Randomness.looksRandom(text, start, end, MIN_LENGTH, MIN_BITS, 2)) {
      out.add(SecretKind.KEY_VALUE.span(start, end));
    }
    return end;
  }

  /** Whether the value starts with a short name followed by {@code .}, {@code (} or {@code [}. */
  private static boolean isCode(String text, int start, int end) {
    int i = start;
    while (i < end && i - start <= MAX_CODE_NAME
        && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$'
            || i > start && NumberBounds.isDigit(text.charAt(i)))) {
      i++;
    }
    return i - start >= 2 && i - start <= MAX_CODE_NAME && i < end
        && (text.charAt(i) == '.' || text.charAt(i) == '(' || text.charAt(i) == '[');
  }

  private static int closingQuote(String text, int start, char quote) {
    int limit = Math.min(text.length(), start + MAX_LENGTH);
    for (int i = start; i < limit; i++) {
      char c = text.charAt(i);
      if (c == quote) {
        return i;
      }
      if (c == '\n' || c == '\r') {
        return -1;
      }
    }
    return -1;
  }

  private static int unquotedEnd(String text, int start, boolean inQuery) {
    int limit = Math.min(text.length(), start + MAX_LENGTH);
    int end = start;
    while (end < limit && !endsUnquoted(text.charAt(end), inQuery)) {
      end++;
    }
    while (end > start && isTrailing(text, start, end)) {
      end--;
    }
    return end;
  }

  private static boolean endsUnquoted(char c, boolean inQuery) {
    return c <= ' ' || c == ',' || c == ';' || isQuote(c) || inQuery && (c == '&' || c == '#');
  }

  /** A full stop, or a closing bracket the value does not open: punctuation of the prose. */
  private static boolean isTrailing(String text, int start, int end) {
    char last = text.charAt(end - 1);
    char opening = last == ')' ? '(' : last == ']' ? '[' : last == '}' ? '{' : 0;
    return last == '.' || opening != 0 && text.lastIndexOf(opening, end - 1) < start;
  }

  private static int skipBack(String text, int end) {
    int i = end;
    while (i > 0 && end - i < MAX_SPACES
        && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    return i;
  }

  private static int skipForward(String text, int start) {
    int i = start;
    while (i < text.length() && i - start < MAX_SPACES
        && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
