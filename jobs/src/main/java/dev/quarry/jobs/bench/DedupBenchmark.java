package dev.quarry.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.DedupSettings;
import dev.quarry.dedup.spark.DedupJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The dedup stage as {@code quarry dedup} runs it with its defaults, over a committed document
 * dataset — a filter output, or the previous stage's output in {@code bench all}. The result's
 * {@code extra} holds the connected-components rounds and the buckets above the large-bucket
 * bound.
 */
public final class DedupBenchmark implements StageBenchmark {
  @Override
  public String name() {
    return "dedup";
  }

  @Override
  public Measured run(SparkSession spark, BenchInput input, String output) {
    String dataset = FilterBenchmark.wholeDataset(spark.sparkContext().hadoopConfiguration(),
        input, name());
    StageRunner.Result result = DedupJob.run(spark, new DedupSettings(List.of(dataset),
        DedupOptions.defaults()), output, true, null);
    if (!result.ran()) {
      throw new IllegalStateException("dedup: " + output + " was not rewritten; the "
          + "benchmark deletes it before each run, so something else wrote it meanwhile");
    }
    Accounting a = result.accounting();
    JsonNode stats = new OutputDir(output, spark.sparkContext().hadoopConfiguration())
        .committedManifest().orElseThrow().path("stats");
    Map<String, Long> extra = new LinkedHashMap<>();
    extra.put("cc_rounds", stats.path("connected_components_rounds").asLong());
    extra.put("large_buckets", stats.path("large_buckets").asLong());
    return new Measured(a.recordsIn(), a.kept(), a.rejectedTotal(), a.errorsTotal(), extra);
  }

  @Override
  public Map<String, Baseline> baselines() {
    Baseline minHashLsh = new MinHashLshBaseline();
    return Map.of(minHashLsh.name(), minHashLsh);
  }
}
