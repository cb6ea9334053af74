package dev.quarry.mixes.spark;

import java.util.Arrays;
import org.apache.spark.Partitioner;

/**
 * Sends a document, keyed by its mix offset, to the partition of its shard: one partition
 * per shard, so each shard's files are written by one task.
 */
final class ShardPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final long[] shardStarts;

  ShardPartitioner(long[] shardStarts) {
    this.shardStarts = shardStarts;
  }

  @Override
  public int numPartitions() {
    return Math.max(1, shardStarts.length);
  }

  @Override
  public int getPartition(Object key) {
    return ShardAssignment.Result.shardOf(shardStarts, (Long) key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ShardPartitioner that && Arrays.equals(shardStarts, that.shardStarts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shardStarts);
  }
}
