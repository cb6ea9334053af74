package dev.quarry.filters.quality;

import static dev.quarry.filters.Threshold.orDefault;
import static dev.quarry.filters.Threshold.ratio;

import dev.quarry.core.config.Check;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.text.Words;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.text.Punctuation;

/**
 * FineWeb's own quality rules (Penedo et al. 2024; datatrove's FineWebQualityFilter), over the
 * non-blank lines: the share of lines ending in terminal punctuation ({@link Punctuation},
 * trailing whitespace ignored), the share of short lines, the characters in duplicate lines
 * (every repeat after the first) per character of the text without newlines, and newlines per
 * word ({@link Words}: words and symbol pieces). A text with no non-blank line is dropped as
 * {@code fineweb_empty}. The punctuation rule does not apply to Thai and Lao, which end
 * sentences without punctuation ({@link Punctuation#endsSentencesWithPunctuation}).
 */
public final class FineWebQuality extends DropStep {
  public static final String NAME = "fineweb_quality";

  /**
   * Every threshold: leave out for the default, give a number, or null to switch off.
   * {@code short_line_length} is not a rule but what "short" means (null keeps 30).
   */
  public record Params(Threshold minLinePunctuationRatio, Threshold maxShortLinesRatio,
      Integer shortLineLength, Threshold maxDuplicateLineCharRatio,
      Threshold maxNewlineWordRatio) implements YamlConfig.Validated {

    public Params {
      minLinePunctuationRatio = orDefault(minLinePunctuationRatio, 0.12);
      maxShortLinesRatio = orDefault(maxShortLinesRatio, 0.67);
      shortLineLength = shortLineLength == null ? 30 : shortLineLength;
      maxDuplicateLineCharRatio = orDefault(maxDuplicateLineCharRatio, 0.01);
      maxNewlineWordRatio = orDefault(maxNewlineWordRatio, 0.3);
    }

    public static Params defaults() {
      return new Params(null, null, null, null, null);
    }

    @Override
    public void validate() {
      minLinePunctuationRatio.requireBetween(0, 1, "min_line_punctuation_ratio");
      maxShortLinesRatio.requireBetween(0, 1, "max_short_lines_ratio");
      Check.that(shortLineLength >= 0, "short_line_length",
          "must not be negative (got " + shortLineLength + ")");
      maxDuplicateLineCharRatio.requireBetween(0, 1, "max_duplicate_line_char_ratio");
      maxNewlineWordRatio.requireBetween(0, Double.MAX_VALUE, "max_newline_word_ratio");
    }
  }

  private final Params params;
  private final Duplicates duplicates = new Duplicates();

  public FineWebQuality(Params params) {
    super(NAME);
    this.params = params;
  }

  @Override
  String dropReason(String text, String lang) {
    boolean punctuated = Punctuation.endsSentencesWithPunctuation(lang);
    duplicates.count(text);
    Lines lines = duplicates.split();
    int nonBlank = 0;
    int endInPunctuation = 0;
    int shortLines = 0;
    int newlines = lines.newlines(text);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.blank(text, i)) {
        continue;
      }
      nonBlank++;
      if (Punctuation.endsTerminal(text, lines.start(i), lines.contentEnd(text, i))) {
        endInPunctuation++;
      }
      if (isShort(text, lines.start(i), lines.end(i))) {
        shortLines++;
      }
    }
    if (nonBlank == 0) {
      return "fineweb_empty";
    }
    if (punctuated
        && params.minLinePunctuationRatio.notReachedBy((double) endInPunctuation / nonBlank)) {
      return "fineweb_line_punctuation";
    }
    if (params.maxShortLinesRatio.exceededBy((double) shortLines / nonBlank)) {
      return "fineweb_short_lines";
    }
    if (params.maxDuplicateLineCharRatio.exceededBy(
        ratio(duplicates.lines().duplicateChars(), text.length() - newlines))) {
      return "fineweb_duplicate_lines";
    }
    if (params.maxNewlineWordRatio.on() && params.maxNewlineWordRatio.exceededBy(
        ratio(newlines, Words.of(text).countWithSymbols()))) {
      return "fineweb_newline_ratio";
    }
    return null;
  }

  /** At most {@code short_line_length} code points (the line as it is, no trimming). */
  private boolean isShort(String text, int start, int end) {
    int max = params.shortLineLength;
    int chars = end - start;
    return chars <= max || chars <= 2 * max && text.codePointCount(start, end) <= max;
  }
}
