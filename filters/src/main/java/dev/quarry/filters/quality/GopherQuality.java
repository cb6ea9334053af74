package dev.quarry.filters.quality;

import static dev.quarry.filters.Threshold.orDefault;
import static dev.quarry.filters.Threshold.ratio;

import dev.quarry.core.config.Check;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.text.Words;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.text.Punctuation;
import dev.quarry.filters.text.StopWords;

/**
 * Gopher's quality rules (Rae et al. 2021, appendix A.1.1; the definitions of datatrove's
 * GopherQualityFilter): document length in words, mean word length, symbol-to-word ratio,
 * bullet and ellipsis lines, words with a letter, stop words. Words come from {@link Words}
 * ("all words" — words plus symbol pieces — where a whitespace split would count), stop words
 * from {@link StopWords} for the document's {@code lang}.
 *
 * <p>Two rules step aside where they cannot measure: the mean word length when most words are
 * {@link Words#dense} (Chinese, Japanese, Korean, Thai: the 3–10 character range was set for
 * alphabets; otherwise it is taken over the other words), and the stop-word count when the
 * language has no stop-word set, or is unknown and most words are dense (the union of all sets
 * holds no Chinese or Korean words).
 */
public final class GopherQuality extends DropStep {
  public static final String NAME = "gopher_quality";

  /** Every threshold: leave out for the default, give a number, or null to switch off. */
  public record Params(Threshold minWords, Threshold maxWords, Threshold minMeanWordLength,
      Threshold maxMeanWordLength, Threshold maxSymbolWordRatio, Threshold maxBulletLinesRatio,
      Threshold maxEllipsisLinesRatio, Threshold minAlphaWordsRatio, Threshold minStopWords)
      implements YamlConfig.Validated {

    public Params {
      minWords = orDefault(minWords, 50);
      maxWords = orDefault(maxWords, 100_000);
      minMeanWordLength = orDefault(minMeanWordLength, 3);
      maxMeanWordLength = orDefault(maxMeanWordLength, 10);
      maxSymbolWordRatio = orDefault(maxSymbolWordRatio, 0.1);
      maxBulletLinesRatio = orDefault(maxBulletLinesRatio, 0.9);
      maxEllipsisLinesRatio = orDefault(maxEllipsisLinesRatio, 0.3);
      minAlphaWordsRatio = orDefault(minAlphaWordsRatio, 0.8);
      minStopWords = orDefault(minStopWords, 2);
    }

    public static Params defaults() {
      return new Params(null, null, null, null, null, null, null, null, null);
    }

    @Override
    public void validate() {
      minWords.requireWhole(0, Integer.MAX_VALUE, "min_words");
      maxWords.requireWhole(0, Integer.MAX_VALUE, "max_words");
      minMeanWordLength.requireBetween(0, 1000, "min_mean_word_length");
      maxMeanWordLength.requireBetween(0, 1000, "max_mean_word_length");
      maxSymbolWordRatio.requireBetween(0, Double.MAX_VALUE, "max_symbol_word_ratio");
      maxBulletLinesRatio.requireBetween(0, 1, "max_bullet_lines_ratio");
      maxEllipsisLinesRatio.requireBetween(0, 1, "max_ellipsis_lines_ratio");
      minAlphaWordsRatio.requireBetween(0, 1, "min_alpha_words_ratio");
      minStopWords.requireWhole(0, 1000, "min_stop_words");
      Check.that(!minWords.on() || !maxWords.on() || minWords.value() <= maxWords.value(),
          "min_words", "must not be above max_words (" + maxWords + ")");
      Check.that(!minMeanWordLength.on() || !maxMeanWordLength.on()
              || minMeanWordLength.value() <= maxMeanWordLength.value(),
          "min_mean_word_length", "must not be above max_mean_word_length ("
              + maxMeanWordLength + ")");
    }
  }

  /** Lines starting with one of these are bullet lines (datatrove's • and -, Dolma's ● and *). */
  private static final String BULLETS = "•●-*";

  private final Params params;
  private final Lines lines = new Lines();

  public GopherQuality(Params params) {
    super(NAME);
    this.params = params;
  }

  @Override
  String dropReason(String text, String lang) {
    Words words = Words.of(text);
    int count = words.size();
    if (params.minWords.notReachedBy(count)) {
      return "gopher_too_few_words";
    }
    if (params.maxWords.exceededBy(count)) {
      return "gopher_too_many_words";
    }
    if (!words.mostlyDense()) {
      double mean = meanLengthOfSpacedWords(words);
      if (mean > 0 && (params.minMeanWordLength.notReachedBy(mean)
          || params.maxMeanWordLength.exceededBy(mean))) {
        return "gopher_mean_word_length";
      }
    }
    int all = words.countWithSymbols();
    if (params.maxSymbolWordRatio.on() && symbolRatioExceeded(text, all)) {
      return "gopher_symbol_ratio";
    }
    String lineReason = lineRules(text);
    if (lineReason != null) {
      return lineReason;
    }
    if (all > 0 && params.minAlphaWordsRatio.notReachedBy((double) words.withLetter() / all)) {
      return "gopher_alpha_words";
    }
    if (params.minStopWords.on()) {
      StopWords stopWords = StopWords.forLanguage(lang);
      boolean unknown = lang == null || lang.equals("und");
      if (stopWords.available() && !(unknown && words.mostlyDense())) {
        int needed = params.minStopWords.intValue();
        if (stopWords.distinctIn(words, needed) < needed) {
          return "gopher_stop_words";
        }
      }
    }
    return null;
  }

  /** Mean length in code points of the words that are not dense; 0 if none. */
  private static double meanLengthOfSpacedWords(Words words) {
    String text = words.text();
    long codePoints = 0;
    int spaced = 0;
    for (int i = 0; i < words.size(); i++) {
      if (!words.dense(i)) {
        codePoints += text.codePointCount(words.start(i), words.end(i));
        spaced++;
      }
    }
    return ratio(codePoints, spaced);
  }

  /** {@code #} per word, or ellipses ({@code ...} not overlapping, {@code …}) per word. */
  private boolean symbolRatioExceeded(String text, int words) {
    double max = params.maxSymbolWordRatio.value();
    return ratio(occurrences(text, "#"), words) > max
        || ratio(occurrences(text, "...") + occurrences(text, "\u2026"), words) > max;
  }

  /** Non-overlapping occurrences, as Python's {@code str.count}. */
  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  private String lineRules(String text) {
    if (!params.maxBulletLinesRatio.on() && !params.maxEllipsisLinesRatio.on()) {
      return null;
    }
    lines.split(text);
    int bullets = 0;
    int ellipses = 0;
    for (int i = 0; i < lines.size(); i++) {
      int start = lines.contentStart(text, i);
      if (start < lines.end(i) && BULLETS.indexOf(text.charAt(start)) >= 0) {
        bullets++;
      }
      if (Punctuation.endsWithEllipsis(text, lines.start(i), lines.contentEnd(text, i))) {
        ellipses++;
      }
    }
    if (params.maxBulletLinesRatio.exceededBy(ratio(bullets, lines.size()))) {
      return "gopher_bullet_lines";
    }
    if (params.maxEllipsisLinesRatio.exceededBy(ratio(ellipses, lines.size()))) {
      return "gopher_ellipsis_lines";
    }
    return null;
  }
}
