package dev.quarry.dedup.spark;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a block with another {@code spark.sql.shuffle.partitions} in the shared test session and
 * puts the setting back after, so partition-independence tests leave no trace on later tests.
 */
final class ShufflePartitions {
  private static final String KEY = "spark.sql.shuffle.partitions";

  private ShufflePartitions() {}

  static <T> T with(SparkSession spark, int partitions, Supplier<T> block) {
    String before = spark.conf().get(KEY);
    spark.conf().set(KEY, Integer.toString(partitions));
    try {
      return block.get();
    } finally {
      spark.conf().set(KEY, before);
    }
  }
}
