package dev.quarry.filters.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How likely each language is before the text is read. The model was trained with every
 * language equally likely, so on a two-word heading it is as ready to answer Volapük or
 * Minangkabau as English; a web crawl is nothing like that. Multiplying the model's calibrated
 * probabilities by the languages' shares of the web (Bayes' rule with a realistic prior) keeps
 * long texts as they were — the text's evidence outweighs any prior there — and turns the short,
 * unsure cases toward the languages that are actually common.
 *
 * <p>The shares come from {@code web-prior.tsv} next to this class. Members of a confusable
 * group ({@link ConfusableGroups}) that the file lists share the group's highest share, so the
 * prior never chooses between close varieties — their letters and marker words do; members it
 * does not list (Sundanese, Javanese next to Malay and Indonesian) keep the floor. The shares
 * are tempered ({@link LanguageIdentifier#PRIOR_EXPONENT}): a prior at full strength made
 * English the answer to every unsure heading.
 */
final class LanguagePrior {
  static final String RESOURCE = "web-prior.tsv";
  /** The line of the prior file for Chinese written in traditional characters. */
  static final String TRADITIONAL_CHINESE = "cmn-Hant";
  private static final LanguagePrior WEB = load();
  private static final LanguagePrior UNIFORM = new LanguagePrior(Map.of(), 1);

  private final Map<String, Double> shares;
  private final double floor;

  private LanguagePrior(Map<String, Double> shares, double floor) {
    this.shares = shares;
    this.floor = floor;
  }

  /** Each language's share of a general web crawl. */
  static LanguagePrior web() {
    return WEB;
  }

  /** Every language equally likely: the raw model's own assumption. */
  static LanguagePrior uniform() {
    return UNIFORM;
  }

  /**
   * The prior weight of Chinese in traditional characters, for a Han text that simplified
   * Chinese cannot have written ({@link HanVariants}): then Japanese is the likelier reading.
   */
  double ofTraditionalChinese() {
    return shares.getOrDefault(TRADITIONAL_CHINESE, floor);
  }

  /** The prior weight of {@code lang} (unnormalised; only ratios matter). */
  double of(String lang) {
    return shares.getOrDefault(lang, floor);
  }

  private static LanguagePrior load() {
    Map<String, Double> shares = new HashMap<>();
    double floor = Double.NaN;
    try (InputStream in = LanguagePrior.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the language prior " + RESOURCE + " is missing from "
            + "the classpath next to " + LanguagePrior.class.getName());
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        double share = Double.parseDouble(fields[1].trim());
        if (fields[0].equals("*")) {
          floor = share;
        } else {
          shares.put(fields[0].trim(), share);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the language prior " + RESOURCE, e);
    }
    if (Double.isNaN(floor)) {
      throw new IllegalStateException(RESOURCE + " has no floor line ('*')");
    }
    for (List<ConfusableGroups.Member> group : ConfusableGroups.GROUPS) {
      double highest = floor;
      for (ConfusableGroups.Member m : group) {
        highest = Math.max(highest, shares.getOrDefault(m.lang(), floor));
      }
      for (ConfusableGroups.Member m : group) {
        if (shares.containsKey(m.lang())) {
          shares.put(m.lang(), highest);
        }
      }
    }
    return new LanguagePrior(Map.copyOf(shares), floor);
  }
}
