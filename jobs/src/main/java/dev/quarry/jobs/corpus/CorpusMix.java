package dev.quarry.jobs.corpus;

import dev.quarry.core.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a generated corpus is made of: the share of each language and of each kind of page, and
 * the range of Jaccard similarities near-duplicates are planted at. Weights need not sum to 100;
 * they are normalised.
 *
 * <p>Defaults: 40% English, 6% each of the ten other languages of {@link TextMaterial}; pages
 * 60% articles, 8% articles with PII, 6% exact and 8% near duplicates, 4% spam, 3% repetitive,
 * 4% list-only, 3% gibberish, 4% too short; near-duplicates at a similarity drawn uniformly from
 * 0.50–0.98.
 */
public record CorpusMix(Map<String, Double> languages, Map<PageKind, Double> kinds,
    double minSimilarity, double maxSimilarity) {

  public static final String DEFAULT_LANGUAGES = "eng=40,deu=6,fra=6,spa=6,ita=6,por=6,rus=6,"
      + "pol=6,jpn=6,cmn=6,kor=6";
  public static final String DEFAULT_KINDS = "article=60,article_with_pii=8,exact_duplicate=6,"
      + "near_duplicate=8,spam=4,repetitive=3,list_only=4,gibberish=3,too_short=4";
  public static final String DEFAULT_SIMILARITY = "0.50:0.98";

  public CorpusMix {
    languages = Map.copyOf(languages);
    kinds = Map.copyOf(kinds);
  }

  public static CorpusMix defaults() {
    return parse(DEFAULT_LANGUAGES, DEFAULT_KINDS, DEFAULT_SIMILARITY);
  }

  /** Parses the command-line forms, e.g. {@code eng=50,jpn=50}, {@code 0.7:0.9}. */
  public static CorpusMix parse(String languages, String kinds, String similarity) {
    Map<String, Double> langs = new LinkedHashMap<>();
    weights(languages, "--languages").forEach((name, weight) -> {
      if (!TextMaterial.LANGUAGES.contains(name)) {
        throw new ConfigException("command line", "--languages", "unknown language '" + name
            + "'; known: " + TextMaterial.LANGUAGES);
      }
      langs.put(name, weight);
    });
    Map<PageKind, Double> kindWeights = new LinkedHashMap<>();
    weights(kinds, "--kinds").forEach((name, weight) -> {
      try {
        kindWeights.put(PageKind.valueOf(name.toUpperCase(Locale.ROOT)), weight);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("command line", "--kinds", "unknown page kind '" + name
            + "'; known: " + java.util.Arrays.stream(PageKind.values())
                .map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
      }
    });
    if (kindWeights.getOrDefault(PageKind.ARTICLE, 0.0) <= 0) {
      throw new ConfigException("command line", "--kinds",
          "article must have a weight above 0: duplicates copy articles");
    }
    String[] range = similarity.split(":");
    double min;
    double max;
    try {
      min = Double.parseDouble(range[0].trim());
      max = Double.parseDouble(range[range.length - 1].trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("command line", "--near-duplicate-similarity",
          "expected MIN:MAX such as 0.5:0.98 (got '" + similarity + "')");
    }
    if (range.length > 2 || !(min > 0.05 && min <= max && max < 1)) {
      throw new ConfigException("command line", "--near-duplicate-similarity",
          "expected MIN:MAX with 0.05 < MIN <= MAX < 1 (got '" + similarity + "')");
    }
    return new CorpusMix(langs, kindWeights, min, max);
  }

  private static Map<String, Double> weights(String spec, String option) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=");
      double weight;
      try {
        weight = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : Double.NaN;
      } catch (NumberFormatException e) {
        weight = Double.NaN;
      }
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw new ConfigException("command line", option, "expected NAME=WEIGHT,... with "
            + "weights >= 0 (got '" + part + "')");
      }
      out.put(kv[0].trim().toLowerCase(Locale.ROOT), weight);
    }
    if (out.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw new ConfigException("command line", option, "the weights must not all be 0");
    }
    return out;
  }

  String language(SplittableRandom rnd) {
    return pick(languages, TextMaterial.LANGUAGES, rnd);
  }

  PageKind kind(SplittableRandom rnd) {
    return pick(kinds, List.of(PageKind.values()), rnd);
  }

  double nearDuplicateSimilarity(SplittableRandom rnd) {
    return minSimilarity + rnd.nextDouble() * (maxSimilarity - minSimilarity);
  }

  /** A weighted draw, walking the keys in a fixed order so the draw depends only on rnd. */
  private static <K> K pick(Map<K, Double> weights, List<K> order, SplittableRandom rnd) {
    double total = 0;
    for (K key : order) {
      total += weights.getOrDefault(key, 0.0);
    }
    double roll = rnd.nextDouble() * total;
    K last = null;
    for (K key : order) {
      double w = weights.getOrDefault(key, 0.0);
      if (w > 0) {
        last = key;
        if (roll < w) {
          return key;
        }
        roll -= w;
      }
    }
    return last;
  }
}
