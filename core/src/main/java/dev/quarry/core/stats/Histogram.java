package dev.quarry.core.stats;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mergeable histogram of non-negative values with power-of-two buckets (bucket k holds values
 * in [2^(k-1), 2^k), bucket 0 holds 0), plus count, sum, min and max. Merging is associative and
 * commutative, so per-partition histograms combine into the same result in any order.
 */
public final class Histogram implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int BUCKETS = 64;

  private final long[] buckets = new long[BUCKETS];
  private long count;
  private long sum;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  public void add(long value) {
    long v = Math.max(0, value);
    buckets[bucketOf(v)]++;
    count++;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  public Histogram merge(Histogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      buckets[i] += other.buckets[i];
    }
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    return this;
  }

  public long count() {
    return count;
  }

  public long sum() {
    return sum;
  }

  /** Approximate quantile: the upper bound of the bucket that holds it. */
  public long quantileUpperBound(double q) {
    if (count == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * count);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += buckets[i];
      if (seen >= Math.max(1, rank)) {
        return Math.min(max, upperBound(i));
      }
    }
    return max;
  }

  /** JSON-friendly view: count, sum, min, max, mean and the non-empty buckets as "lo-hi". */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", count);
    out.put("sum", sum);
    out.put("min", count == 0 ? 0 : min);
    out.put("max", count == 0 ? 0 : max);
    out.put("mean", count == 0 ? 0.0 : (double) sum / count);
    out.put("p50_at_most", quantileUpperBound(0.5));
    out.put("p99_at_most", quantileUpperBound(0.99));
    Map<String, Long> nonEmpty = new LinkedHashMap<>();
    for (int i = 0; i < BUCKETS; i++) {
      if (buckets[i] > 0) {
        nonEmpty.put(i == 0 ? "0" : lowerBound(i) + "-" + upperBound(i), buckets[i]);
      }
    }
    out.put("buckets", nonEmpty);
    return out;
  }

  static int bucketOf(long v) {
    return v == 0 ? 0 : 64 - Long.numberOfLeadingZeros(v);
  }

  private static long lowerBound(int bucket) {
    return 1L << (bucket - 1);
  }

  private static long upperBound(int bucket) {
    return bucket == 0 ? 0 : bucket >= 63 ? Long.MAX_VALUE : (1L << bucket) - 1;
  }
}
