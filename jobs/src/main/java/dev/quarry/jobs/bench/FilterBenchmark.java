package dev.quarry.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.spark.FilterJob;
import dev.quarry.filters.spark.FilterSettings;
import dev.quarry.ingest.InputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * The filter stage as {@code quarry filter} runs it, with the chain of {@code --filter-config}
 * (default {@code conf/filters/default.yaml}) over a committed document dataset — an ingest
 * output, or the previous stage's output in {@code bench all}. It reads whole datasets, so a
 * scaling run scales the raw input ({@code bench all --scale}). Each step's CPU milliseconds
 * (from the stage's manifest) go into the result's {@code extra} as {@code step_<name>_ms}.
 */
public final class FilterBenchmark implements StageBenchmark {
  public static final Path DEFAULT_CHAIN = Path.of("conf", "filters", "default.yaml");
  private final Path chainFile;

  public FilterBenchmark() {
    this(DEFAULT_CHAIN);
  }

  public FilterBenchmark(Path chainFile) {
    this.chainFile = chainFile;
  }

  /** The same benchmark with another chain file. */
  public FilterBenchmark withChain(Path file) {
    return new FilterBenchmark(file);
  }

  @Override
  public String name() {
    return "filter";
  }

  @Override
  public Measured run(SparkSession spark, BenchInput input, String output) {
    ChainConfig chain = YamlConfig.load(chainFile, ChainConfig.class);
    String dataset = wholeDataset(spark.sparkContext().hadoopConfiguration(), input, name());
    StageRunner.Result result = FilterJob.run(spark, new FilterSettings(dataset, chain),
        chainFile.toString(), output, true);
    if (!result.ran()) {
      throw new IllegalStateException("filter: " + output + " was not rewritten; the "
          + "benchmark deletes it before each run, so something else wrote it meanwhile");
    }
    Accounting a = result.accounting();
    JsonNode manifest = new OutputDir(output, spark.sparkContext().hadoopConfiguration())
        .committedManifest().orElseThrow();
    return new Measured(a.recordsIn(), a.kept(), a.rejectedTotal(), a.errorsTotal(),
        stepMillis(manifest));
  }

  /** The dataset directory {@code input}'s files make up, all of it, or a config error. */
  static String wholeDataset(Configuration conf, BenchInput input, String stage) {
    if (input.format() != InputFormat.PARQUET || input.files().isEmpty()) {
      throw new ConfigException("command line", "--input", "the " + stage + " stage reads a "
          + "committed document dataset (e.g. an ingest output directory), not "
          + input.format() + " files; use `bench all` to ingest raw shards first");
    }
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(input.uris().get(0))
        .getParent();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      FileStatus[] parts = fs.globStatus(new org.apache.hadoop.fs.Path(dir, "*.parquet"));
      if (parts == null || parts.length != input.files().size()) {
        throw new ConfigException("command line", "--scale", "the " + stage + " stage reads "
            + "whole datasets; scale the raw input instead: bench all --scale ...");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return dir.toString();
  }

  private static Map<String, Long> stepMillis(JsonNode manifest) {
    Map<String, Long> millis = new LinkedHashMap<>();
    manifest.path("stats").path("steps").fields().forEachRemaining(e -> millis.put(
        "step_" + e.getKey() + "_ms", Math.round(e.getValue().path("seconds").asDouble() * 1000)));
    return millis;
  }

  @Override
  public Map<String, Baseline> baselines() {
    return Map.of();
  }
}
