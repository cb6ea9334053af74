package dev.quarry.filters.pii;

/**
 * The words that name a US Social Security number near a number: the abbreviation {@code SSN}
 * (as a word, plural allowed) and "social security" as it is written in the corpus's languages.
 * National insurance numbers of other countries (the German Sozialversicherungsnummer, the French
 * numéro de sécurité sociale on its own…) have other formats, but the French and Spanish phrases
 * are how those languages name the US number too, so they count.
 */
final class SsnWords {
  private static final int BEFORE = 64;
  private static final int AFTER = 32;
  private static final String[] PHRASES = {"social security", "social-security", "soc. sec",
      "seguro social", "sécurité sociale", "securite sociale", "ubezpieczenia społecznego",
      "социального страхования", "社会保障番号", "社会安全号码", "社會安全號碼", "社会保障号码"};

  private SsnWords() {}

  /** Whether an SSN word stands within a few words of {@code text[start, end)}. */
  static boolean near(String text, int start, int end) {
    int from = Math.max(0, start - BEFORE);
    int to = Math.min(text.length(), end + AFTER);
    for (int k = from; k < to; k++) {
      if (isSsnAbbreviation(text, k, to)) {
        return true;
      }
      for (String phrase : PHRASES) {
        if (k + phrase.length() <= to && text.regionMatches(true, k, phrase, 0, phrase.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code SSN} or {@code SSNs} at {@code k}, not inside a longer word. */
  private static boolean isSsnAbbreviation(String text, int k, int to) {
    if (k + 3 > to || !text.regionMatches(true, k, "ssn", 0, 3)
        || k > 0 && isLatinLetter(text.charAt(k - 1))) {
      return false;
    }
    int after = k + 3 < to && (text.charAt(k + 3) | 0x20) == 's' ? k + 4 : k + 3;
    return after >= text.length() || !isLatinLetter(text.charAt(after));
  }

  private static boolean isLatinLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }
}
