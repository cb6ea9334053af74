package dev.quarry.core.stats;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mergeable histogram of scores in fixed-width linear buckets ({@value #WIDTH} wide, from 0):
 * bucket k holds values in [k·width, (k+1)·width). Scores such as a language score or a
 * classifier's probability lie in [0, 1] and get 20 buckets; a larger value (words per 1,000,
 * say) gets its own buckets up to {@value #LAST_BUCKET_FROM}, and everything from there on lands
 * in the last bucket. Negative and NaN values are counted in bucket 0 and in {@code count}.
 * Unlike {@link Histogram}'s power-of-two buckets, these show where a threshold cuts.
 */
public final class ScoreHistogram implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final double WIDTH = 0.05;
  public static final double LAST_BUCKET_FROM = 10.0;
  private static final int LAST = (int) Math.round(LAST_BUCKET_FROM / WIDTH);

  private final TreeMap<Integer, Long> buckets = new TreeMap<>();
  private double sum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public void add(double value) {
    double v = Double.isNaN(value) ? 0 : value;
    buckets.merge(bucketOf(v), 1L, Long::sum);
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  public ScoreHistogram merge(ScoreHistogram other) {
    other.buckets.forEach((k, v) -> buckets.merge(k, v, Long::sum));
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    return this;
  }

  /** Values added: the buckets' total. */
  public long count() {
    return buckets.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Count in the bucket whose lower bound is {@code lowerBound}. */
  public long bucket(double lowerBound) {
    return buckets.getOrDefault(bucketOf(lowerBound), 0L);
  }

  /**
   * JSON-friendly view: bucket_width, count, min, max, mean and the non-empty buckets keyed by
   * their lower bound with two decimals ("0.95"; the last is "10.00" and holds everything above).
   */
  public Map<String, Object> summary() {
    long count = count();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bucket_width", WIDTH);
    out.put("count", count);
    out.put("min", count == 0 ? 0.0 : min);
    out.put("max", count == 0 ? 0.0 : max);
    out.put("mean", count == 0 ? 0.0 : sum / count);
    Map<String, Long> nonEmpty = new TreeMap<>();
    buckets.forEach((k, v) -> nonEmpty.put(String.format(Locale.ROOT, "%.2f", k * WIDTH), v));
    out.put("buckets", nonEmpty);
    return out;
  }

  static int bucketOf(double v) {
    if (!(v > 0)) {
      return 0;
    }
    // The small epsilon puts a value that is a bucket's lower bound in binary (0.15, 0.7) into
    // that bucket rather than the one below.
    return (int) Math.min(LAST, Math.floor(v / WIDTH + 1e-9));
  }
}
