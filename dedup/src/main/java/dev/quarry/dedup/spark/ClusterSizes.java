package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.col;

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
    List<Column> counts = BucketSizeClass.counts(col(DedupJob.CLUSTER_SIZE));
    return BucketSizeClass.histogram(clusters.filter(col(DedupJob.KEPT))
        .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first());
  }
}
