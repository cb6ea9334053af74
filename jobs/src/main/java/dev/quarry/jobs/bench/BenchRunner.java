package dev.quarry.jobs.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a benchmark: for each scale step, {@code repeat} times, every chosen stage in order (each
 * reading the previous one's output) and each of its baselines on the same input; each run into
 * a freshly deleted directory, timed by the wall clock around the stage call alone.
 */
public final class BenchRunner {
  /**
   * What to run.
   *
   * @param baselines the baselines to run beside each stage (stages without any may be absent)
   * @param given what the user named as input (recorded with the first stage's runs)
   * @param workDir runs write to {@code <workDir>/<stage>/run-<k>} and
   *     {@code <workDir>/<stage>/<baseline>/run-<k>}
   */
  public record Plan(List<StageBenchmark> stages, Map<StageBenchmark, List<Baseline>> baselines,
      BenchInput input, List<String> given, List<ScaleSteps.Step> steps, int repeat,
      String workDir) {}

  private final SparkSession spark;
  private final Plan plan;
  private final PrintWriter progress;

  private BenchRunner(SparkSession spark, Plan plan, PrintWriter progress) {
    this.spark = spark;
    this.plan = plan;
    this.progress = progress;
  }

  /** Runs the plan; returns each run's row and, after each series, its median row. */
  public static List<BenchRow> run(SparkSession spark, Plan plan, PrintWriter progress) {
    return new BenchRunner(spark, plan, progress).run();
  }

  private List<BenchRow> run() {
    PeakMemory peaks = PeakMemory.listen(spark.sparkContext());
    try {
      List<BenchRow> rows = new ArrayList<>();
      for (ScaleSteps.Step step : plan.steps()) {
        Map<String, List<BenchRow>> series = new LinkedHashMap<>();
        for (int k = 1; k <= plan.repeat(); k++) {
          BenchInput input = plan.input().first(step.files());
          List<String> given = plan.given();
          for (int s = 0; s < plan.stages().size(); s++) {
            StageBenchmark stage = plan.stages().get(s);
            String output = plan.workDir() + "/" + stage.name() + "/run-" + k;
            BenchInput in = input;
            add(series, measure(peaks, stage.name(), null, step, k, in, given, output,
                out -> stage.run(spark, in, out)));
            for (Baseline baseline : plan.baselines().getOrDefault(stage, List.of())) {
              add(series, measure(peaks, stage.name(), baseline.name(), step, k, in, given,
                  plan.workDir() + "/" + stage.name() + "/" + baseline.name() + "/run-" + k,
                  out -> baseline.run(spark, in, out)));
            }
            if (s + 1 < plan.stages().size()) {
              input = stage.outputAsInput(hadoop(), output);
              given = List.of(output);
            }
          }
        }
        series.values().forEach(runs -> {
          rows.addAll(runs);
          rows.add(BenchRow.median(runs));
        });
      }
      return rows;
    } finally {
      peaks.close();
    }
  }

  private static void add(Map<String, List<BenchRow>> series, BenchRow row) {
    series.computeIfAbsent(row.label(), k -> new ArrayList<>()).add(row);
  }

  private BenchRow measure(PeakMemory peaks, String stage, String baseline,
      ScaleSteps.Step step, int k, BenchInput input, List<String> given, String output,
      Function<String, Measured> body) {
    delete(output);
    Instant started = Instant.now();
    peaks.start();
    long t0 = System.nanoTime();
    Measured measured = body.apply(output);
    double wall = (System.nanoTime() - t0) / 1e9;
    PeakMemory.Peaks peak = peaks.stop();
    BenchRow row = new BenchRow(stage, baseline, step.scale(), k, started, given,
        input.format().toString(), input.files().size(), input.bytes(), wall, SparkCores.of(spark.sparkContext()),
        measured.recordsIn(), measured.kept(), measured.rejected(), measured.errors(),
        measured.extra(), peak.heapBytes(), peak.rssBytes(), peak.rssSource());
    progress.println(String.format(Locale.ROOT, "bench: %s%s run %d/%d: %d file(s), %.2f MB, "
            + "%.2f s, %d records in", row.label(),
        step.scale() == null ? "" : " " + step.scale() + "x", k, plan.repeat(),
        row.inputFiles(), row.inputMb(), wall, measured.recordsIn()));
    progress.flush();
    return row;
  }

  private void delete(String output) {
    try {
      Path path = new Path(output);
      path.getFileSystem(hadoop()).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the previous run's output " + output, e);
    }
  }

  private Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
