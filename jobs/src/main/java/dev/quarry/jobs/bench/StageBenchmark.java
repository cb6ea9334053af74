package dev.quarry.jobs.bench;

import dev.quarry.ingest.InputFormat;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * One pipeline stage as {@code quarry bench} runs it: for real, into a fresh output directory.
 * A new stage joins the benchmark by implementing this and being listed in
 * {@link StageBenchmarks#ALL} at its place in pipeline order.
 */
public interface StageBenchmark {
  /** The name on the command line ({@code quarry bench <name>}). */
  String name();

  /**
   * Runs the stage on {@code input}, writing its output to {@code output} (which does not
   * exist). Throws {@link dev.quarry.core.config.ConfigException} for input the stage cannot
   * read, any other exception when the stage fails.
   */
  Measured run(SparkSession spark, BenchInput input, String output);

  /** The stage's output as the next stage's input: the Parquet documents it wrote. */
  default BenchInput outputAsInput(Configuration conf, String output) {
    return BenchInputs.resolve(conf, List.of(output), InputFormat.PARQUET);
  }

  /** What this stage is compared with by {@code --baseline}, by name. */
  Map<String, Baseline> baselines();
}
