package dev.quarry.filters.lang;

import dev.quarry.core.Document;
import dev.quarry.core.config.Check;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.Verdict;
import dev.quarry.filters.text.Paragraphs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code language_id}: sets {@code lang} and {@code lang_score}, puts the two runners-up in
 * {@code attrs} as {@code lang_alt.<code>}, and (when {@code keep_languages} is set) drops
 * documents in other languages ({@code language_not_kept}) or in none it is sure of
 * ({@code language_undetermined}). Below the minimum score, or with fewer than
 * {@code min_letters} letters, {@code lang} is {@code und} rather than a guess. With
 * {@code per_paragraph}, each paragraph is identified too and {@code attrs.lang_share} is the
 * share of the text (in characters) in the document's language.
 */
public final class LanguageIdStep implements DocumentStep {
  public static final String NAME = "language_id";
  public static final String UNDETERMINED = "und";

  /** Parameters; every one optional. */
  public record Params(Double minScore, Map<String, Double> minScorePerLanguage,
      Integer minLetters, List<String> keepLanguages, Boolean perParagraph)
      implements YamlConfig.Validated {
    public Params {
      minScore = minScore == null ? 0.65 : minScore;
      minScorePerLanguage = minScorePerLanguage == null ? Map.of() : Map.copyOf(minScorePerLanguage);
      minLetters = minLetters == null ? 20 : minLetters;
      keepLanguages = keepLanguages == null ? List.of() : List.copyOf(keepLanguages);
      perParagraph = perParagraph != null && perParagraph;
    }

    @Override
    public void validate() {
      Check.between(minScore, 0, 1, "min_score");
      minScorePerLanguage.forEach((lang, score) ->
          Check.between(score, 0, 1, "min_score_per_language." + lang));
      Check.that(minLetters >= 0, "min_letters", "must be 0 or more (got " + minLetters + ")");
    }
  }

  private final Params params;
  private final Set<String> keep;
  private final LanguageIdentifier identifier = new LanguageIdentifier();

  public LanguageIdStep(Params params) {
    this.params = params;
    this.keep = Set.copyOf(params.keepLanguages());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Document document) {
    String text = document.text() == null ? "" : document.text();
    Map<String, Double> attrs = new HashMap<>();
    String lang = UNDETERMINED;
    double score = 0;
    if (letters(text, params.minLetters()) >= params.minLetters() && !text.isBlank()) {
      LanguageIdentifier.Identification id = identifier.identify(text);
      score = id.score();
      double threshold = params.minScorePerLanguage().getOrDefault(id.lang(), params.minScore());
      if (score >= threshold) {
        lang = id.lang();
      }
      for (LanguageIdentifier.Candidate c : id.runnersUp()) {
        attrs.put("lang_alt." + c.lang(), c.score());
      }
      if (params.perParagraph()) {
        attrs.put("lang_share", share(text, lang));
      }
    }
    Document annotated = document.withLang(lang, score).withAttrs(attrs);
    if (keep.isEmpty() || keep.contains(lang)) {
      return Verdict.keep(annotated);
    }
    return Verdict.drop(annotated, lang.equals(UNDETERMINED) ? "language_undetermined"
        : "language_not_kept");
  }

  /** The share of characters in paragraphs identified as {@code lang}. */
  private double share(String text, String lang) {
    long total = 0;
    long same = 0;
    for (String paragraph : Paragraphs.split(text)) {
      total += paragraph.length();
      if (letters(paragraph, params.minLetters()) >= params.minLetters()
          && identifier.identify(paragraph).lang().equals(lang)) {
        same += paragraph.length();
      }
    }
    return total == 0 ? 0 : (double) same / total;
  }

  /** Letters in {@code text}, counting no further than {@code enough}. */
  private static int letters(String text, int enough) {
    int n = 0;
    for (int i = 0; i < text.length() && n < enough; i++) {
      if (Character.isLetter(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
