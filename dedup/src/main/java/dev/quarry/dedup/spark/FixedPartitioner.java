package dev.quarry.dedup.spark;

import org.apache.spark.Partitioner;

/**
 * A partitioner with a fixed number of partitions, equal to another of the same class and
 * count — which is how Spark tells that two RDDs are partitioned alike and can be joined or
 * zipped without a shuffle. Subclasses say where a key goes.
 */
abstract class FixedPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final int partitions;

  FixedPartitioner(int partitions) {
    this.partitions = partitions;
  }

  @Override
  public final int numPartitions() {
    return partitions;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass()
        && ((FixedPartitioner) other).partitions == partitions;
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode() * 31 + partitions;
  }
}
