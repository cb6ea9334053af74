package dev.quarry.jobs.bench;

import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.stats.Accounting;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.spark.IngestJob;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest stage as {@code quarry ingest} runs it with its default options (source
 * {@code bench}), except that unreadable records never fail the run: they are counted and
 * reported like the rest. The error bound is checked after the records are counted, so it
 * changes no work, only whether the output is committed.
 */
public final class IngestBenchmark implements StageBenchmark {
  private static final double ANY_ERROR_RATE = 1.0;

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public Measured run(SparkSession spark, BenchInput input, String output) {
    IngestSettings settings = new IngestSettings("bench", input.format(), input.uris(), null,
        null, null, null, null, ANY_ERROR_RATE);
    StageRunner.Result result = IngestJob.run(spark, settings, output, true);
    if (!result.ran()) {
      throw new IllegalStateException("ingest: " + output + " was not rewritten; the "
          + "benchmark deletes it before each run, so something else wrote it meanwhile");
    }
    Accounting a = result.accounting();
    return new Measured(a.recordsIn(), a.kept(), a.rejectedTotal(), a.errorsTotal(), Map.of());
  }

  @Override
  public Map<String, Baseline> baselines() {
    Baseline warcScan = new WarcScanBaseline();
    return Map.of(warcScan.name(), warcScan);
  }
}
