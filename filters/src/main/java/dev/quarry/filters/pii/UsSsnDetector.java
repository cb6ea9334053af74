package dev.quarry.filters.pii;

import java.util.List;
import java.util.Set;

/**
 * US Social Security numbers: {@code AAA-GG-SSSS}, {@code AAA GG SSSS}, or nine bare digits, with
 * the SSA's rules — area not 000, 666 or 900–999 (9xx are ITINs and advertising numbers), group
 * not 00, serial not 0000 — and not one of the numbers published on sample cards and so made
 * void ({@link #VOID}). The detail says how it is written: {@code dashed}, {@code spaced} or
 * {@code bare}.
 *
 * <p>Context decides the weaker forms. A spaced or bare number counts only next to an SSN word
 * ({@link SsnWords}): nine digits alone are order numbers, spaced groups are phone numbers. The
 * dashed form stands on its own unless a non-SSN label just before it calls it something else
 * (part, lot, model, room, extension, ZIP…). Neither form may be glued to a word or be a piece of
 * a longer number (a digit beyond a dash, slash, dot or, for the spaced form, a space).
 */
public final class UsSsnDetector implements PiiDetector {
  /**
   * Void numbers: 078-05-1120 (printed on the Woolworth wallet insert, 1938), 219-09-9999 (the
   * SSA's own 1940 pamphlet), and 123-45-6789, the dummy on countless forms.
   */
  static final Set<Integer> VOID = Set.of(78_05_1120, 219_09_9999, 123_45_6789);

  /** Words that label a dashed number as something other than an SSN. */
  private static final String[] OTHER_LABELS = {"part", "lot", "model", "room", "ext",
      "extension", "tel", "phone", "fax", "zip", "order", "invoice", "serial", "item", "sku",
      "ref", "reference", "article", "artikelnummer", "case", "ticket", "cas", "isbn", "batch"};
  private static final int LABEL_WINDOW = 32;

  @Override
  public PiiType type() {
    return PiiType.US_SSN;
  }

  @Override
  public void find(String text, PiiContext context, List<PiiSpan> out) {
    int start = NumberBounds.nextDigit(text, 0);
    while (start >= 0) {
      int end = NumberBounds.digitRunEnd(text, start);
      if (end - start == 9) {
        findBare(text, start, out);
      } else if (end - start == 3 && isGrouped(text, start)) {
        findGrouped(text, start, out);
        end = start + 11;
      }
      start = NumberBounds.nextDigit(text, end);
    }
  }

  private static void findBare(String text, int start, List<PiiSpan> out) {
    int end = start + 9;
    if (isValid(text, start, start + 3, start + 5)
        && NumberBounds.standsAlone(text, start, end, "-/") && SsnWords.near(text, start, end)) {
      out.add(new PiiSpan(PiiType.US_SSN, start, end, "bare"));
    }
  }

  private static void findGrouped(String text, int start, List<PiiSpan> out) {
    int end = start + 11;
    boolean dashed = text.charAt(start + 3) == '-';
    if (!isValid(text, start, start + 4, start + 7)
        || !NumberBounds.standsAlone(text, start, end, dashed ? "-/" : " -/")) {
      return;
    }
    boolean inContext = dashed
        ? !hasOtherLabel(text, start) || SsnWords.near(text, start, end)
        : SsnWords.near(text, start, end);
    if (inContext) {
      out.add(new PiiSpan(PiiType.US_SSN, start, end, dashed ? "dashed" : "spaced"));
    }
  }

  /** Whether {@code AAA} at {@code start} goes on as {@code -GG-SSSS} or {@code  GG SSSS}. */
  private static boolean isGrouped(String text, int start) {
    if (start + 11 > text.length()) {
      return false;
    }
    char separator = text.charAt(start + 3);
    if (separator != '-' && separator != ' ' || text.charAt(start + 6) != separator) {
      return false;
    }
    for (int k = start + 4; k < start + 11; k++) {
      if (k != start + 6 && !NumberBounds.isDigit(text.charAt(k))) {
        return false;
      }
    }
    return start + 11 == text.length() || !NumberBounds.isDigit(text.charAt(start + 11));
  }

  /** The SSA rules on the area, group and serial that start at the given indexes. */
  private static boolean isValid(String text, int area, int group, int serial) {
    int a = number(text, area, 3);
    int g = number(text, group, 2);
    int s = number(text, serial, 4);
    return a != 0 && a != 666 && a < 900 && g != 0 && s != 0
        && !VOID.contains(a * 1_000_000 + g * 10_000 + s);
  }

  private static int number(String text, int start, int digits) {
    int value = 0;
    for (int k = start; k < start + digits; k++) {
      value = value * 10 + (text.charAt(k) - '0');
    }
    return value;
  }

  /** Whether one of the {@link #OTHER_LABELS} stands as a word within the few chars before. */
  private static boolean hasOtherLabel(String text, int start) {
    int from = Math.max(0, start - LABEL_WINDOW);
    for (int k = from; k < start; k++) {
      if (isWordStart(text, k)) {
        for (String label : OTHER_LABELS) {
          int end = k + label.length();
          if (end <= start && text.regionMatches(true, k, label, 0, label.length())
              && !Character.isLetter(text.charAt(end))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isWordStart(String text, int k) {
    return Character.isLetter(text.charAt(k))
        && (k == 0 || !Character.isLetter(text.charAt(k - 1)));
  }
}
