package dev.quarry.jobs.bench;

import dev.quarry.core.config.ConfigException;
import dev.quarry.ingest.InputFormat;
import org.apache.spark.sql.SparkSession;

/**
 * Another way to do (some of) a stage's work on the same input, run beside it so the stage's
 * time can be read against a reference: a floor such as "only read and parse the input", or an
 * off-the-shelf implementation.
 */
public interface Baseline {
  String name();

  /** One line for --help and error messages. */
  String description();

  /** Throws a {@link ConfigException} naming --baseline when it cannot read this format. */
  void check(InputFormat format);

  /** Runs on {@code input}; {@code output} is a fresh directory it may write to. */
  Measured run(SparkSession spark, BenchInput input, String output);
}
