package dev.quarry.dedup.spark;

import dev.quarry.core.spark.SessionConf;
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
    return SessionConf.with(spark, KEY, Integer.toString(partitions), block);
  }
}
