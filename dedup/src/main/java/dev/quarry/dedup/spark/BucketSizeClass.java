package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.count_if;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * The size classes of the LSH bucket histogram (and of the duplicate-cluster histogram), by
 * decade: a healthy run has almost every shared bucket in the first two classes, and a bucket in
 * the last ones usually means a degenerate signature (documents shorter than the n-gram,
 * boilerplate pages) rather than real duplicates. Groups of one member are not a class: they
 * yield no candidate and are no cluster.
 */
public enum BucketSizeClass {
  TWO(2, 2, "2"),
  UP_TO_TEN(3, 10, "3-10"),
  UP_TO_HUNDRED(11, 100, "11-100"),
  UP_TO_THOUSAND(101, 1_000, "101-1000"),
  UP_TO_TEN_THOUSAND(1_001, 10_000, "1001-10000"),
  OVER_TEN_THOUSAND(10_001, Long.MAX_VALUE, ">10000");

  private final long smallest;
  private final long largest;
  private final String label;

  BucketSizeClass(long smallest, long largest, String label) {
    this.smallest = smallest;
    this.largest = largest;
    this.label = label;
  }

  /** The fewest members a bucket of this class has. */
  public long smallest() {
    return smallest;
  }

  /** The most members a bucket of this class has ({@link Long#MAX_VALUE} for the last). */
  public long largest() {
    return largest;
  }

  /** The class as stats and manifests name it, e.g. {@code 3-10}. */
  public String label() {
    return label;
  }

  /** The class of a bucket of {@code size} members (at least 2). */
  static BucketSizeClass of(long size) {
    for (BucketSizeClass sizes : values()) {
      if (size <= sizes.largest()) {
        if (size < sizes.smallest()) {
          break;
        }
        return sizes;
      }
    }
    throw new IllegalArgumentException("a bucket of " + size + " members has no size class "
        + "(classes start at 2)");
  }

  /** One count per class, in class order, of the rows whose {@code size} falls in it. */
  static List<Column> counts(Column size) {
    List<Column> counts = new ArrayList<>();
    for (BucketSizeClass sizes : values()) {
      counts.add(count_if(size.between(sizes.smallest(), sizes.largest())));
    }
    return counts;
  }

  /** The counts {@link #counts} put first in {@code row}, by class label. */
  static Map<String, Long> histogram(Row row) {
    Map<String, Long> bySize = new LinkedHashMap<>();
    for (BucketSizeClass sizes : values()) {
      bySize.put(sizes.label(), row.getLong(sizes.ordinal()));
    }
    return bySize;
  }
}
