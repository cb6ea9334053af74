package dev.quarry.filters.quality;

import static dev.quarry.filters.Threshold.orDefault;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.quarry.core.Document;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.text.Words;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.NullMeansOff;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.Verdict;
import dev.quarry.filters.text.Punctuation;
import dev.quarry.filters.text.Sentences;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * C4's cleaning rules (Raffel et al. 2020; the order and definitions of the reference code and
 * of datatrove's C4QualityFilter). Line by line, each line trimmed: a line with a word (a
 * whitespace-separated piece) over {@code max_word_length} goes; citation marks ({@code [1]},
 * {@code [edit]}, {@code [citation needed]}) are cut out; a line not ending in terminal
 * punctuation, or ending in an ellipsis, goes; a line of fewer than {@code min_words_per_line}
 * words goes; "lorem ipsum" drops the document; a line with "javascript" goes; a curly bracket
 * drops the document; a cookie/terms/privacy-policy line goes. The lines left are joined with
 * newlines (so blank lines between paragraphs go too, as in C4), and the document is dropped if
 * none is left or they hold fewer than {@code min_sentences} sentences.
 *
 * <p>Words per line are {@link Words} (words and symbol pieces) so that a line of Chinese is
 * not one "word"; sentences are {@link Sentences}; terminal punctuation is {@link Punctuation}
 * (every script's full stops, not only {@code . ! ? "}), and is not required of Thai and Lao,
 * which end sentences without it.
 */
public final class C4Quality implements DocumentStep {
  public static final String NAME = "c4_quality";

  private static final Pattern CITATION = Pattern.compile("\\[\\d*]|\\[edit]|\\[citation needed]");
  private static final String[] POLICY = {"terms of use", "privacy policy", "cookie policy",
      "uses cookies", "use of cookies", "use cookies"};

  /**
   * Thresholds: leave out for the default, give a number, or null to switch off. Switches:
   * true (default) or false; null switches off too.
   */
  public record Params(
      Threshold minWordsPerLine,
      Threshold minSentences,
      Threshold maxWordLength,
      @JsonDeserialize(using = NullMeansOff.class) Boolean requireTerminalPunctuation,
      @JsonDeserialize(using = NullMeansOff.class) Boolean removeCitations,
      @JsonDeserialize(using = NullMeansOff.class) Boolean dropJavascriptLines,
      @JsonDeserialize(using = NullMeansOff.class) Boolean dropPolicyLines,
      @JsonDeserialize(using = NullMeansOff.class) Boolean dropLoremIpsum,
      @JsonDeserialize(using = NullMeansOff.class) Boolean dropCurlyBracket)
      implements YamlConfig.Validated {

    public Params {
      minWordsPerLine = orDefault(minWordsPerLine, 3);
      minSentences = orDefault(minSentences, 5);
      maxWordLength = orDefault(maxWordLength, 1000);
      requireTerminalPunctuation = requireTerminalPunctuation == null || requireTerminalPunctuation;
      removeCitations = removeCitations == null || removeCitations;
      dropJavascriptLines = dropJavascriptLines == null || dropJavascriptLines;
      dropPolicyLines = dropPolicyLines == null || dropPolicyLines;
      dropLoremIpsum = dropLoremIpsum == null || dropLoremIpsum;
      dropCurlyBracket = dropCurlyBracket == null || dropCurlyBracket;
    }

    public static Params defaults() {
      return new Params(null, null, null, null, null, null, null, null, null);
    }

    @Override
    public void validate() {
      minWordsPerLine.requireWhole(0, 100_000, "min_words_per_line");
      minSentences.requireWhole(0, 100_000, "min_sentences");
      maxWordLength.requireWhole(1, Integer.MAX_VALUE, "max_word_length");
    }
  }

  private final Params params;
  private final Lines lines = new Lines();
  private final StringBuilder kept = new StringBuilder();
  private int[] keptStarts = new int[256];
  private int[] keptEnds = new int[256];

  public C4Quality(Params params) {
    this.params = params;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Document document) {
    String text = document.text() == null ? "" : document.text();
    Words words = params.minWordsPerLine.on() ? Words.of(text) : null;
    int neededSentences = params.minSentences.on() ? params.minSentences.intValue() : 0;
    boolean needTerminal = params.requireTerminalPunctuation
        && Punctuation.endsSentencesWithPunctuation(document.lang());
    int sentences = 0;
    int keptLines = 0;
    boolean cut = false;
    kept.setLength(0);
    lines.split(text);
    for (int i = 0; i < lines.size(); i++) {
      int start = lines.contentStart(text, i);
      int end = Math.max(start, lines.contentEnd(text, i)); // a blank line is empty
      if (params.maxWordLength.on() && end - start > params.maxWordLength.intValue()
          && hasLongerWord(text, start, end)) {
        continue;
      }
      String line = text.substring(start, end);
      if (params.removeCitations && line.indexOf('[') >= 0) {
        String withoutCitations = CITATION.matcher(line).replaceAll("").strip();
        cut |= withoutCitations.length() != line.length();
        line = withoutCitations;
      }
      if (needTerminal && !endsSentence(line)) {
        continue;
      }
      if (words != null
          && params.minWordsPerLine.notReachedBy(words.countWithSymbolsIn(start, end))) {
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (params.dropLoremIpsum && lower.contains("lorem ipsum")) {
        return Verdict.drop(document, "c4_lorem_ipsum");
      }
      if (params.dropJavascriptLines && lower.contains("javascript")) {
        continue;
      }
      if (params.dropCurlyBracket && line.indexOf('{') >= 0) {
        return Verdict.drop(document, "c4_curly_bracket");
      }
      if (params.dropPolicyLines && isPolicy(lower)) {
        continue;
      }
      if (sentences < neededSentences) {
        sentences += Sentences.count(line, 0, line.length(), neededSentences - sentences);
      }
      if (keptLines > 0) {
        kept.append('\n');
      }
      kept.append(line);
      keep(keptLines++, start, end);
    }
    if (keptLines == 0) {
      return Verdict.drop(document, "c4_no_lines_left");
    }
    if (sentences < neededSentences) {
      return Verdict.drop(document, "c4_too_few_sentences");
    }
    if (kept.length() == text.length() && text.contentEquals(kept)) {
      return Verdict.keep(document);
    }
    String cleaned = kept.toString();
    if (words != null && !cut) {
      // The next step will want the words of the cleaned text: take them from these.
      Words.ofJoinedLines(words, cleaned, keptStarts, keptEnds, keptLines);
    }
    return Verdict.keep(document.withText(cleaned));
  }

  private void keep(int line, int start, int end) {
    if (line == keptStarts.length) {
      keptStarts = Arrays.copyOf(keptStarts, line * 2);
      keptEnds = Arrays.copyOf(keptEnds, line * 2);
    }
    keptStarts[line] = start;
    keptEnds[line] = end;
  }

  /** Whether a whitespace-separated piece of the line has over max_word_length code points. */
  private boolean hasLongerWord(String text, int start, int end) {
    int max = params.maxWordLength.intValue();
    int pieceStart = start;
    for (int i = start; i <= end; i++) {
      if (i == end || Words.isSpace(text.charAt(i))) {
        if (i - pieceStart > max && text.codePointCount(pieceStart, i) > max) {
          return true;
        }
        pieceStart = i + 1;
      } else if (i - pieceStart >= 2 * max) {
        return true; // over 2 × max chars is over max code points, whatever follows
      }
    }
    return false;
  }

  private static boolean endsSentence(String line) {
    int end = line.length();
    return Punctuation.endsTerminal(line, 0, end) && !Punctuation.endsWithEllipsis(line, 0, end);
  }

  private static boolean isPolicy(String lower) {
    if (lower.indexOf("cookie") < 0 && lower.indexOf("terms of use") < 0
        && lower.indexOf("privacy policy") < 0) {
      return false;
    }
    for (String phrase : POLICY) {
      if (lower.contains(phrase)) {
        return true;
      }
    }
    return false;
  }
}
