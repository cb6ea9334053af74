package dev.quarry.filters.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import dev.quarry.core.text.Words;

/**
 * Counts sentences with ICU's sentence break iterator (Unicode UAX#29 sentence boundaries, which
 * know the full stops of CJK, Devanagari, Arabic and other scripts). One iterator per thread.
 * Language-independent: C4's sentence count (the only user) needs a number, not boundaries
 * tuned per language.
 */
public final class Sentences {
  private static final ThreadLocal<BreakIterator> FOR_THREAD =
      ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(ULocale.ROOT));

  private Sentences() {}

  /**
   * The sentences in {@code text[start, end)} that hold a letter or digit, counting up to
   * {@code enough} (the scan stops there).
   */
  public static int count(String text, int start, int end, int enough) {
    if (start >= end || enough <= 0) {
      return 0;
    }
    BreakIterator sentences = FOR_THREAD.get();
    String part = text.substring(start, end);
    sentences.setText(part);
    int count = 0;
    int from = sentences.first();
    for (int to = sentences.next(); to != BreakIterator.DONE && count < enough;
        from = to, to = sentences.next()) {
      if (Words.anyCodePoint(part, from, to, Character::isLetterOrDigit)) {
        count++;
      }
    }
    return count;
  }
}
