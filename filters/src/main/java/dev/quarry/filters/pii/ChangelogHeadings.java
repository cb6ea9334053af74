package dev.quarry.filters.pii;

/**
 * Whether a dotted number heads a changelog entry, and so is a version however large its parts
 * ({@code 115.0.3.1}): it opens its line (after only list or heading marks, {@code - * + # > [ (}
 * and spaces), and either
 *
 * <ul>
 *   <li>a date follows it and ends the heading ({@code 115.0.3.1 (2024-05-02)},
 *       {@code [115.0.3.1] - 2024-05-02}, {@code 115.0.3.1 – 02.05.2024}; not a log line's
 *       {@code 2024-05-02T10:00:00});
 *   <li>it ends its heading ({@code :} or {@code ：}, {@code ]}, {@code )} or the end of the
 *       line) and the next words, on the same line or the next, say what changed ("fixed", "added",
 *       "behoben", "修复"…);
 *   <li>or a changelog's title ("Changelog", "Release notes", "What's new", "更新履歴"…) stands
 *       in the {@value #TITLE_WINDOW} chars before it.
 * </ul>
 *
 * An address list ({@code 203.0.113.5} alone on each line) and an access log line
 * ({@code 203.0.113.5 - - [10/Oct/2000:…]}) fit none of these; the detector also keeps a
 * number with a network word after it on its line an address.
 */
final class ChangelogHeadings {
  /** How far before a number a changelog's title is looked for. */
  static final int TITLE_WINDOW = 2000;
  private static final int HEADING_CHARS = 24;
  private static final int CHANGE_CHARS = 40;

  private static final NearbyWords TITLES = NearbyWords.of("changelog*", "change log*",
      "release notes", "release history", "version history", "what's new",
      "what’s new", "versionshinweise", "änderungsprotokoll*", "notes de version",
      "historial de versiones", "notas de la versión", "note di rilascio", "historia zmian",
      "список изменений", "更新履歴", "リリースノート", "更新日志", "更新日誌", "发行说明");
  private static final NearbyWords CHANGE_WORDS = NearbyWords.of("fix*", "add*", "chang*",
      "remov*", "deprecat*", "improv*", "bump*", "updat*", "upgrad*", "new", "breaking",
      "security", "bugfix*", "hotfix*", "patch*", "initial", "released", "behoben",
      "hinzugefügt", "geändert", "entfernt", "corrig*", "ajout*", "supprim*", "corregid*",
      "añadid*", "eliminad*", "corrett*", "aggiunt*", "naprawion*", "dodan*", "исправлен*",
      "добавлен*", "修复", "新增", "修正", "追加", "変更", "削除");

  private ChangelogHeadings() {}

  static boolean heads(String text, int start, int end) {
    if (!opensItsLine(text, start)) {
      return false;
    }
    if (dateFollows(text, end, NearbyWords.lineEnd(text, end, HEADING_CHARS))) {
      return true;
    }
    int after = end;
    while (after < text.length() && (text.charAt(after) == ']' || text.charAt(after) == ')')) {
      after++;
    }
    boolean endsHeading = after > end || after == text.length()
        || ":\uff1a\n\r".indexOf(text.charAt(after)) >= 0;
    if (endsHeading) {
      int lineEnd = NearbyWords.lineEnd(text, after, CHANGE_CHARS);
      int nextLineEnd = lineEnd < text.length()
          ? NearbyWords.lineEnd(text, lineEnd + 1, CHANGE_CHARS) : lineEnd;
      if (CHANGE_WORDS.occursIn(text, after, nextLineEnd)) {
        return true;
      }
    }
    return TITLES.occursIn(text, Math.max(0, start - TITLE_WINDOW), start);
  }

  private static boolean opensItsLine(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if ("-*+#>[( \t\u2022".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a numeric date ({@code 2024-05-02}, {@code 2024/05/02}, {@code 02.05.2024}) comes
   * right after {@code from}, past only heading marks, and ends the heading: not a log line's
   * timestamp ({@code 2024-05-02T10:00}, {@code 2024-05-02 10:00}).
   */
  static boolean dateFollows(String text, int from, int to) {
    int i = from;
    while (i < to && " ([])-–—:".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    int[] digits = new int[3];
    char separator = 0;
    for (int part = 0; part < 3; part++) {
      while (i < text.length() && PhoneCandidate.isDigit(text.charAt(i))) {
        i++;
        digits[part]++;
      }
      if (part < 2) {
        if (i >= text.length() || "-/.".indexOf(text.charAt(i)) < 0
            || separator != 0 && text.charAt(i) != separator) {
          return false;
        }
        separator = text.charAt(i++);
      }
    }
    boolean yearFirst = digits[0] == 4 && between(digits[1], 1, 2) && between(digits[2], 1, 2);
    boolean yearLast = digits[2] == 4 && between(digits[0], 1, 2) && between(digits[1], 1, 2);
    if (!yearFirst && !yearLast) {
      return false;
    }
    if (i >= text.length()) {
      return true;
    }
    char next = text.charAt(i);
    return next == '\n' || next == '\r' || next == ')' || next == ']' || next == ':'
        || next == ',' || next == ' ' && !(i + 1 < text.length()
            && PhoneCandidate.isDigit(text.charAt(i + 1)));
  }

  private static boolean between(int value, int min, int max) {
    return value >= min && value <= max;
  }
}
