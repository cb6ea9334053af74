package dev.quarry.filters.quality;

import dev.quarry.core.Hashing;

/**
 * Repeated lines and paragraphs of a text, counted as Gopher and FineWeb count them: every
 * occurrence after the first is a duplicate, and its characters are duplicate characters.
 * Lines are the non-blank lines; a paragraph is a run of non-blank lines between blank lines
 * (its characters run from its first line's start to its last line's end, newlines inside
 * included). Lines compare as they are, paragraphs line by line.
 */
final class Duplicates {
  /** Of {@code items} lines or paragraphs, {@code duplicates} repeat an earlier one. */
  record Count(int items, int duplicates, long duplicateChars) {}

  private final Lines lines = new Lines();
  private final HashCounts seenLines = new HashCounts();
  private final HashCounts seenParagraphs = new HashCounts();
  private Count lineCount;
  private Count paragraphCount;

  /** Counts both; read them with {@link #lines()} and {@link #paragraphs()}. */
  Duplicates count(String text) {
    lines.split(text);
    seenLines.reset(lines.size());
    seenParagraphs.reset(lines.size() / 2 + 1);
    int lineItems = 0;
    int lineDuplicates = 0;
    long lineChars = 0;
    int paragraphs = 0;
    int paragraphDuplicates = 0;
    long paragraphChars = 0;
    long paragraphHash = 0;
    int paragraphStart = -1;
    int paragraphEnd = -1;
    for (int i = 0; i <= lines.size(); i++) {
      boolean blank = i == lines.size() || lines.blank(text, i);
      if (blank) {
        if (paragraphStart >= 0) {
          paragraphs++;
          if (seenParagraphs.add(Hashing.mix64(paragraphHash + paragraphEnd - paragraphStart))
              > 1) {
            paragraphDuplicates++;
            paragraphChars += paragraphEnd - paragraphStart;
          }
          paragraphStart = -1;
        }
        continue;
      }
      int start = lines.start(i);
      int end = lines.end(i);
      long hash = HashCounts.hash(text, start, end);
      lineItems++;
      if (seenLines.add(hash) > 1) {
        lineDuplicates++;
        lineChars += end - start;
      }
      if (paragraphStart < 0) {
        paragraphStart = start;
        paragraphHash = 0;
      }
      paragraphHash = Hashing.mix64(paragraphHash * 31 + hash);
      paragraphEnd = end;
    }
    lineCount = new Count(lineItems, lineDuplicates, lineChars);
    paragraphCount = new Count(paragraphs, paragraphDuplicates, paragraphChars);
    return this;
  }

  /** The lines of the text last counted. */
  Lines split() {
    return lines;
  }

  Count lines() {
    return lineCount;
  }

  Count paragraphs() {
    return paragraphCount;
  }
}
