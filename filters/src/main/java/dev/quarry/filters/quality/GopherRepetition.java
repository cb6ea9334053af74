package dev.quarry.filters.quality;

import static dev.quarry.filters.Threshold.orDefault;
import static dev.quarry.filters.Threshold.ratio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.text.Words;
import dev.quarry.filters.Threshold;
import java.util.List;

/**
 * Gopher's repetition rules (Rae et al. 2021, table A1; the definitions of datatrove's
 * GopherRepetitionFilter), in this order: duplicate paragraphs (share of paragraphs, share of
 * characters), duplicate lines (the same two), the characters of the most frequent 2-, 3- and
 * 4-gram, and the characters in duplicate 5- to 10-grams. Character shares are of the whole
 * text's length. Lines and paragraphs: {@link Duplicates}; n-grams: {@link NgramRepetition}
 * over {@link Words}.
 */
public final class GopherRepetition extends DropStep {
  public static final String NAME = "gopher_repetition";

  /** Every threshold: leave out for the default, give a number, or null to switch off. */
  public record Params(
      Threshold maxDupLineFraction,
      Threshold maxDupParaFraction,
      Threshold maxDupLineCharFraction,
      Threshold maxDupParaCharFraction,
      @JsonProperty("max_top_2_gram_char_fraction") Threshold maxTop2GramCharFraction,
      @JsonProperty("max_top_3_gram_char_fraction") Threshold maxTop3GramCharFraction,
      @JsonProperty("max_top_4_gram_char_fraction") Threshold maxTop4GramCharFraction,
      @JsonProperty("max_dup_5_gram_char_fraction") Threshold maxDup5GramCharFraction,
      @JsonProperty("max_dup_6_gram_char_fraction") Threshold maxDup6GramCharFraction,
      @JsonProperty("max_dup_7_gram_char_fraction") Threshold maxDup7GramCharFraction,
      @JsonProperty("max_dup_8_gram_char_fraction") Threshold maxDup8GramCharFraction,
      @JsonProperty("max_dup_9_gram_char_fraction") Threshold maxDup9GramCharFraction,
      @JsonProperty("max_dup_10_gram_char_fraction") Threshold maxDup10GramCharFraction)
      implements YamlConfig.Validated {

    public Params {
      maxDupLineFraction = orDefault(maxDupLineFraction, 0.3);
      maxDupParaFraction = orDefault(maxDupParaFraction, 0.3);
      maxDupLineCharFraction = orDefault(maxDupLineCharFraction, 0.2);
      maxDupParaCharFraction = orDefault(maxDupParaCharFraction, 0.2);
      maxTop2GramCharFraction = orDefault(maxTop2GramCharFraction, 0.20);
      maxTop3GramCharFraction = orDefault(maxTop3GramCharFraction, 0.18);
      maxTop4GramCharFraction = orDefault(maxTop4GramCharFraction, 0.16);
      maxDup5GramCharFraction = orDefault(maxDup5GramCharFraction, 0.15);
      maxDup6GramCharFraction = orDefault(maxDup6GramCharFraction, 0.14);
      maxDup7GramCharFraction = orDefault(maxDup7GramCharFraction, 0.13);
      maxDup8GramCharFraction = orDefault(maxDup8GramCharFraction, 0.12);
      maxDup9GramCharFraction = orDefault(maxDup9GramCharFraction, 0.11);
      maxDup10GramCharFraction = orDefault(maxDup10GramCharFraction, 0.10);
    }

    public static Params defaults() {
      return new Params(null, null, null, null, null, null, null, null, null, null, null, null,
          null);
    }

    /** The top n-gram thresholds for n = 2, 3, 4. */
    List<Threshold> topGrams() {
      return List.of(maxTop2GramCharFraction, maxTop3GramCharFraction, maxTop4GramCharFraction);
    }

    /** The duplicate n-gram thresholds for n = 5 … 10. */
    List<Threshold> dupGrams() {
      return List.of(maxDup5GramCharFraction, maxDup6GramCharFraction, maxDup7GramCharFraction,
          maxDup8GramCharFraction, maxDup9GramCharFraction, maxDup10GramCharFraction);
    }

    @Override
    public void validate() {
      maxDupLineFraction.requireBetween(0, 1, "max_dup_line_fraction");
      maxDupParaFraction.requireBetween(0, 1, "max_dup_para_fraction");
      maxDupLineCharFraction.requireBetween(0, 1, "max_dup_line_char_fraction");
      maxDupParaCharFraction.requireBetween(0, 1, "max_dup_para_char_fraction");
      for (int i = 0; i < 3; i++) {
        topGrams().get(i).requireBetween(0, 1, "max_top_" + (i + 2) + "_gram_char_fraction");
      }
      for (int i = 0; i < 6; i++) {
        dupGrams().get(i).requireBetween(0, 1, "max_dup_" + (i + 5) + "_gram_char_fraction");
      }
    }
  }

  private final Params params;
  private final List<Threshold> topGrams;
  private final List<Threshold> dupGrams;
  private final Duplicates duplicates = new Duplicates();
  private final NgramRepetition ngrams = new NgramRepetition();

  public GopherRepetition(Params params) {
    super(NAME);
    this.params = params;
    this.topGrams = params.topGrams();
    this.dupGrams = params.dupGrams();
  }

  @Override
  String dropReason(String text, String lang) {
    if (text.isEmpty()) {
      return null;
    }
    double length = text.length();
    duplicates.count(text);
    Duplicates.Count paragraphs = duplicates.paragraphs();
    if (params.maxDupParaFraction.exceededBy(
        ratio(paragraphs.duplicates(), paragraphs.items()))) {
      return "gopher_dup_para_fraction";
    }
    if (params.maxDupParaCharFraction.exceededBy(paragraphs.duplicateChars() / length)) {
      return "gopher_dup_para_chars";
    }
    Duplicates.Count lines = duplicates.lines();
    if (params.maxDupLineFraction.exceededBy(ratio(lines.duplicates(), lines.items()))) {
      return "gopher_dup_line_fraction";
    }
    if (params.maxDupLineCharFraction.exceededBy(lines.duplicateChars() / length)) {
      return "gopher_dup_line_chars";
    }
    if (topGrams.stream().noneMatch(Threshold::on) && dupGrams.stream().noneMatch(Threshold::on)) {
      return null;
    }
    ngrams.of(Words.of(text));
    for (int i = 0; i < topGrams.size(); i++) {
      Threshold max = topGrams.get(i);
      if (max.on() && max.exceededBy(ngrams.topChars(i + 2) / length)) {
        return "gopher_top_" + (i + 2) + "_gram";
      }
    }
    for (int i = 0; i < dupGrams.size(); i++) {
      Threshold max = dupGrams.get(i);
      if (!max.on()) {
        continue;
      }
      long chars = ngrams.duplicateChars(i + 5);
      if (max.exceededBy(chars / length)) {
        return "gopher_dup_" + (i + 5) + "_gram";
      }
      if (chars == 0) {
        break; // no n-gram repeats, so no longer one does either
      }
    }
    return null;
  }
}
