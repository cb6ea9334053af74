package dev.quarry.filters.pii;

import dev.quarry.filters.pii.EmailTokens.AtKind;
import java.util.List;
import java.util.Set;

/**
 * Finds e-mail addresses: RFC 5322 addr-specs as people write them (dot-atom local parts with
 * plus-addressing, a quoted local part such as {@code "data team"@example.edu}, subdomains,
 * internationalised domain labels) with detail {@code plain}, and the forms written to hide
 * them from harvesters, {@code name [at] example [dot] org}, {@code name(at)example(dot)org},
 * {@code name＠example.jp}, {@code name at example dot org} (see {@link EmailTokens}), with
 * detail {@code obfuscated}. The span is the whole written address, never {@code mailto:} or
 * the {@code <>} around it.
 *
 * <p>An {@code @} alone decides nothing: {@code git@github.com:org/repo} (an SSH remote: the
 * host is followed by {@code :path}), {@code ssh://git@host} and {@code scheme://user:pw@host}
 * (URL user info, whose password the secret detector reports), shell prompts
 * {@code root@build-03:~$} and {@code user@staging} (no dot in the host), package pins
 * {@code lodash@4.17.21} (a numeric top-level label) and {@code logo@2x.png} (a file extension)
 * are not addresses. Bare {@code at ... dot ...} is prose far more often than an address ("look
 * at the dot"), so it counts only with a dot-word, a plausible top-level domain, and a mail word
 * ("e-mail", "adres", "correo", "邮箱"…) before it on the line.
 *
 * <p>The scan looks at a character at a time for {@code @}, {@code ＠}, an opening bracket or a
 * space followed by the initial of an at-word: text without any of these costs one pass.
 */
public final class EmailDetector implements PiiDetector {
  static final String PLAIN = "plain";
  static final String OBFUSCATED = "obfuscated";
  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;
  private static final int MAX_LABEL = 63;
  /** How far before a bare {@code at} form its mail word may stand. */
  private static final int CONTEXT_CHARS = 80;

  private static final NearbyWords MAIL_WORDS = NearbyWords.of("mail*", "courriel*",
      "correo*", "adres*", "address*", "adress*", "contact*", "kontakt*", "contatt*", "reach*",
      "write*", "écri*", "escrib*", "escrev*", "schreib*", "scriv*", "napisz*", "pisz*",
      "почт*", "адрес*", "ящик*", "пиши*", "メール", "アドレス", "邮箱", "邮件", "郵件", "信箱",
      "联系");
  /** File extensions that follow {@code @} in asset names ({@code icon@2x.png}), not TLDs. */
  private static final Set<String> FILE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg",
      "webp", "bmp", "ico", "css", "js", "json", "html", "htm", "xml", "pdf", "txt", "md", "yaml",
      "yml", "ts", "py", "java", "tgz", "gz", "git");
  /** Top-level domains accepted after a bare dot-word, besides every two-letter code. */
  private static final Set<String> WORD_TLDS = Set.of("com", "org", "net", "edu", "gov", "mil",
      "int", "info", "biz", "io", "dev", "app", "name", "pro", "mobi", "tech", "online", "site",
      "xyz", "club", "shop", "email", "mail");
  /** Words that end prose before a bare {@code at} rather than a local part ("reach us at"). */
  private static final Set<String> NOT_LOCAL_WORDS = Set.of("us", "me", "you", "him", "her",
      "them", "we", "it", "is", "are", "was", "were", "be", "been", "and", "or", "not", "here",
      "there", "look", "stare", "good", "click", "press", "arrived", "arrive");
  /** Words that start prose after a bare {@code at} rather than a domain ("at the dot"). */
  private static final Set<String> NOT_DOMAIN_WORDS = Set.of("the", "a", "an", "this", "that",
      "these", "those", "my", "your", "our", "his", "her", "their", "its", "least", "last",
      "first", "once", "all", "any", "some", "noon", "night", "home", "work");

  @Override
  public PiiType type() {
    return PiiType.EMAIL;
  }

  @Override
  public void find(String text, PiiContext context, List<PiiSpan> out) {
    if (text == null) {
      return;
    }
    int n = text.length();
    int taken = 0;
    boolean words = EmailTokens.mayHoldWordForm(text);
    for (int i = 0; i < n; i++) {
      if (!EmailTokens.mayStartAt(text.charAt(i), words)) {
        continue;
      }
      int atEnd = EmailTokens.atTokenEnd(text, i);
      if (atEnd < 0) {
        continue;
      }
      AtKind kind = EmailTokens.kind(text, i);
      int atStart = kind == AtKind.WORD ? i + 1 : i;
      boolean[] obfuscated = {kind != AtKind.SIGN};
      int end = domainEnd(text, atStart, atEnd, kind, obfuscated);
      int start = end < 0 ? -1 : localStart(text, atStart, kind, obfuscated);
      if (start >= taken && start >= 0 && (kind != AtKind.WORD || inMailContext(text, start))) {
        out.add(new PiiSpan(PiiType.EMAIL, start, end, obfuscated[0] ? OBFUSCATED : PLAIN));
        taken = end;
        i = end - 1;
      }
    }
  }

  /** The end of a valid domain after the at-token, or -1. */
  private static int domainEnd(String text, int atStart, int atEnd, AtKind kind,
      boolean[] obfuscated) {
    boolean spaced = text.charAt(atStart) != '@' && text.charAt(atStart) != '\uFF20';
    boolean asciiOnly = kind == AtKind.WORD;
    int p = spaced ? EmailTokens.skipSpaces(text, atEnd) : atEnd;
    boolean[] wordDots = {false};
    int labels = 0;
    int lastLabel = -1;
    int end = -1;
    for (int q = p; ; ) {
      int labelEnd = labelEnd(text, q, asciiOnly);
      if (labelEnd < 0) {
        break;
      }
      if (labels == 0 && kind == AtKind.WORD
          && NOT_DOMAIN_WORDS.contains(lower(text, q, labelEnd))) {
        return -1;
      }
      labels++;
      lastLabel = q;
      end = labelEnd;
      if (end - p > MAX_DOMAIN) {
        return -1;
      }
      int next = EmailTokens.dotTokenEnd(text, labelEnd, kind != AtKind.SIGN, wordDots);
      if (next < 0 || labelEnd(text, next, asciiOnly) < 0) {
        break;
      }
      q = next;
    }
    if (labels < 2 || !isTopLevel(text, lastLabel, end, kind) || (kind == AtKind.WORD
        && !wordDots[0]) || followedByHostSyntax(text, end)) {
      return -1;
    }
    obfuscated[0] |= wordDots[0];
    return end;
  }

  /** The end of a valid domain label at {@code p}, or -1. */
  private static int labelEnd(String text, int p, boolean asciiOnly) {
    int q = p;
    while (q < text.length() && q - p <= MAX_LABEL && isLabelChar(text.charAt(q), asciiOnly)) {
      q++;
    }
    if (q == p || q - p > MAX_LABEL || text.charAt(p) == '-') {
      return -1;
    }
    while (text.charAt(q - 1) == '-') {
      q--; // a trailing hyphen is punctuation after the label
    }
    return q;
  }

  private static boolean isLabelChar(char c, boolean asciiOnly) {
    if (c < 0x80) {
      return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }
    if (asciiOnly || c >= 0xFF00 && c <= 0xFFEF || !Character.isLetterOrDigit(c)) {
      return false; // full-width forms and punctuation end the domain
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    // Scripts written without spaces: an address runs straight into the prose after it.
    return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
        && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL;
  }

  /** ASCII letters (or punycode), not a file extension; after a bare word, a common TLD. */
  private static boolean isTopLevel(String text, int start, int end, AtKind kind) {
    String tld = lower(text, start, end);
    if (tld.startsWith("xn--") && tld.length() > 4) {
      return true;
    }
    for (int i = 0; i < tld.length(); i++) {
      if (tld.charAt(i) < 'a' || tld.charAt(i) > 'z') {
        return false;
      }
    }
    return tld.length() >= 2 && !FILE_EXTENSIONS.contains(tld)
        && (kind != AtKind.WORD || tld.length() == 2 || WORD_TLDS.contains(tld));
  }

  /** {@code host:path} or {@code host:port} (SSH remotes, prompts), or a second {@code @}. */
  private static boolean followedByHostSyntax(String text, int end) {
    if (end >= text.length()) {
      return false;
    }
    char c = text.charAt(end);
    return c == '@' || c == ':' && end + 1 < text.length()
        && !Character.isWhitespace(text.charAt(end + 1));
  }

  /** The start of a valid local part before the at-token, or -1. */
  private static int localStart(String text, int atStart, AtKind kind, boolean[] obfuscated) {
    char at = text.charAt(atStart);
    if (at == '@' || at == '\uFF20') {
      int start = atStart > 0 && text.charAt(atStart - 1) == '"' ? quotedStart(text, atStart - 1)
          : atomStart(text, atStart);
      return start < 0 || isUrlUserInfo(text, start) ? -1 : start;
    }
    int end = atStart;
    while (end > 0 && text.charAt(end - 1) == ' ' && atStart - end < 2) {
      end--;
    }
    int start = atomStart(text, end);
    if (start < 0 || kind == AtKind.WORD && NOT_LOCAL_WORDS.contains(lower(text, start, end))) {
      return -1;
    }
    for (int dot = EmailTokens.dotTokenStart(text, start, true, obfuscated); dot > 0;
        dot = EmailTokens.dotTokenStart(text, start, true, obfuscated)) {
      int before = atomStart(text, dot);
      if (before < 0 || end - before > 2 * MAX_LOCAL) {
        break;
      }
      start = before;
    }
    return start;
  }

  /** The start of the dot-atom ending at {@code end}: no leading, trailing or double dot. */
  private static int atomStart(String text, int end) {
    int start = end;
    while (start > 0 && isLocalChar(text.charAt(start - 1))) {
      if (end - --start > MAX_LOCAL) {
        return -1;
      }
    }
    while (start < end && !isAsciiLetterOrDigit(text.charAt(start))) {
      start++; // quotes, hyphens, dots before the address are punctuation
    }
    if (start == end || text.charAt(end - 1) == '.') {
      return -1;
    }
    for (int i = start + 1; i < end; i++) {
      if (text.charAt(i) == '.' && text.charAt(i - 1) == '.') {
        return -1;
      }
    }
    return start;
  }

  /** The opening quote of {@code "local part"} whose closing quote is at {@code close}, or -1. */
  private static int quotedStart(String text, int close) {
    for (int i = close - 1; i >= Math.max(0, close - MAX_LOCAL); i--) {
      char c = text.charAt(i);
      if (c == '"') {
        boolean boundary = i == 0 || !isAsciiLetterOrDigit(text.charAt(i - 1));
        return boundary && i < close - 1 ? i : -1;
      }
      if (c < ' ' || c == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /** Whether the local part is the user info of a URL ({@code scheme://user:pw@host}). */
  private static boolean isUrlUserInfo(String text, int localStart) {
    for (int i = localStart - 1; i >= Math.max(2, localStart - 256); i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '/' && text.charAt(i - 1) != '/' || c == '?'
          || c == '#' || c == '"' || c == '<') {
        return false;
      }
      if (c == '/' && text.charAt(i - 2) == ':') {
        return true;
      }
    }
    return false;
  }

  private static boolean inMailContext(String text, int start) {
    return MAIL_WORDS.occursIn(text, NearbyWords.lineStart(text, start, CONTEXT_CHARS), start);
  }

  private static boolean isLocalChar(char c) {
    return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
        || c == '\'';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static String lower(String text, int from, int to) {
    return text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
  }
}
