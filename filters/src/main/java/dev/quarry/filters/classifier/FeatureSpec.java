package dev.quarry.filters.classifier;

import dev.quarry.core.config.ConfigException;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which features a classifier reads: word n-grams of {@code minN} to {@code maxN} words, hashed
 * into {@code buckets} (a power of two). Written {@code word-ngrams:1-2} on the command line and
 * in a model's card.
 */
public record FeatureSpec(int minN, int maxN, int buckets) implements Serializable {
  private static final Pattern WORD_NGRAMS = Pattern.compile("word-ngrams:(\\d+)(?:-(\\d+))?");
  /** The longest n-gram: longer ones add little and cost a hash per word each. */
  public static final int MAX_N = 5;
  public static final int MAX_BUCKETS = 1 << 26;

  public static final FeatureSpec DEFAULT = new FeatureSpec(1, 2, 1 << 20);

  public FeatureSpec {
    if (minN < 1 || maxN < minN || maxN > MAX_N) {
      throw new ConfigException("features", "word n-grams from " + minN + " to " + maxN
          + ": give 1 <= from <= to <= " + MAX_N + ", e.g. word-ngrams:1-2");
    }
    if (buckets < 2 || buckets > MAX_BUCKETS || Integer.bitCount(buckets) != 1) {
      throw new ConfigException("buckets", buckets + " is not a power of two between 2 and 2^26"
          + " (e.g. 2^20)");
    }
  }

  /**
   * @param features e.g. {@code word-ngrams:1-2} or {@code word-ngrams:1}
   * @param buckets e.g. {@code 2^20} or {@code 1048576}
   */
  public static FeatureSpec parse(String features, String buckets) {
    Matcher m = WORD_NGRAMS.matcher(features.trim());
    if (!m.matches()) {
      throw new ConfigException("features", "'" + features + "' is not word-ngrams:FROM-TO"
          + " (e.g. word-ngrams:1-2)");
    }
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
    return new FeatureSpec(from, to, parseBuckets(buckets));
  }

  static int parseBuckets(String buckets) {
    String b = buckets.trim();
    try {
      if (b.startsWith("2^")) {
        int exponent = Integer.parseInt(b.substring(2));
        if (exponent < 1 || exponent > 26) {
          throw new ConfigException("buckets", "'" + buckets + "': give 2^1 to 2^26");
        }
        return 1 << exponent;
      }
      return Integer.parseInt(b);
    } catch (NumberFormatException e) {
      throw new ConfigException("buckets", "'" + buckets + "' is not a number such as 2^20");
    }
  }

  /** {@code word-ngrams:1-2}. */
  public String describe() {
    return "word-ngrams:" + minN + (maxN == minN ? "" : "-" + maxN);
  }

  /** {@code 2^20}. */
  public String bucketsLabel() {
    return "2^" + Integer.numberOfTrailingZeros(buckets);
  }
}
