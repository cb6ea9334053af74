package dev.quarry.dedup.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Names the Spark jobs a block of work runs, so the Spark UI reads like the pipeline, and puts the
 * caller's own description back when the block ends: the description is a thread-local property
 * of the context, and a stage that leaves its own behind mislabels the caller's later jobs.
 */
final class JobDescription implements AutoCloseable {
  private static final String PROPERTY = "spark.job.description";
  private final SparkContext context;
  private final String previous;

  private JobDescription(SparkContext context, String description) {
    this.context = context;
    this.previous = context.getLocalProperty(PROPERTY);
    context.setJobDescription(description);
  }

  static JobDescription of(SparkSession spark, String description) {
    return new JobDescription(spark.sparkContext(), description);
  }

  /** Names the jobs that follow, within the same block. */
  void change(String description) {
    context.setJobDescription(description);
  }

  @Override
  public void close() {
    context.setJobDescription(previous);
  }
}
