package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The duplicate clusters by size class ({@link BucketSizeClass}), in one aggregation. */
final class ClusterSizes {
  private ClusterSizes() {}

  /** From the cluster table (one row per member, each with its cluster's size). */
  static Map<String, Long> histogram(Dataset<Row> clusters) {
    List<Column> counts = new ArrayList<>();
    for (BucketSizeClass sizes : BucketSizeClass.values()) {
      counts.add(count_if(col(DedupJob.CLUSTER_SIZE).between(sizes.smallest(),
          sizes.largest())));
    }
    Row row = clusters.filter(col(DedupJob.KEPT))
        .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
    Map<String, Long> bySize = new LinkedHashMap<>();
    for (BucketSizeClass sizes : BucketSizeClass.values()) {
      bySize.put(sizes.label(), row.getLong(sizes.ordinal()));
    }
    return bySize;
  }
}
