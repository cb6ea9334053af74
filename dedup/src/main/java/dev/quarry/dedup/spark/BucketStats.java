package dev.quarry.dedup.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the LSH buckets of a run are filled: the number of buckets with two or more members per
 * {@link BucketSizeClass} (keyed by its label, in class order, every class present), and how many
 * buckets have more members than the large-bucket bound. Large buckets are where a pairwise
 * candidate generator would blow up, and where a run is worth a look.
 */
public record BucketStats(Map<String, Long> bucketsBySize, long largeBucketBound,
    long largeBuckets) {
  public BucketStats {
    bucketsBySize = Collections.unmodifiableMap(new LinkedHashMap<>(bucketsBySize));
  }
}
