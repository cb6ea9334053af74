package dev.quarry.core.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.QuarryBuild;
import dev.quarry.core.config.Json;
import dev.quarry.core.storage.Fingerprint;
import dev.quarry.core.storage.Manifest;
import dev.quarry.core.storage.OutputConflictException;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.core.storage.OutputFiles;
import dev.quarry.core.stats.Accounting;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that runs a stage with Quarry's output protocol: fingerprint the run, skip it
 * when the committed output already has that fingerprint, refuse a different one unless
 * overwriting, let the stage write into a temporary directory, check its accounting, write the
 * manifest and commit. Stages only supply the body.
 */
public final class StageRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

  private StageRunner() {}

  /** What a stage body reports after writing its files into the temporary directory. */
  public record Outcome(Accounting accounting, Map<String, Object> stats) {}

  /** The result of a run: whether it ran, where the output is, and its accounting. */
  public record Result(boolean ran, String output, String manifest, String fingerprint,
      Accounting accounting) {}

  public static Result run(SparkSession spark, String job, Object config,
      List<Manifest.InputRef> inputs, String output, boolean overwrite,
      Function<String, Outcome> body) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    // Our commit writes _SUCCESS itself, after the manifest.
    hadoop.set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    QuarryBuild build = QuarryBuild.current();
    JsonNode resolved = Json.redacted(config);
    String configHash = Json.hash(resolved);
    String fingerprint = Fingerprint.of(configHash, inputs, build.version());
    OutputDir out = new OutputDir(output, hadoop);
    OutputDir.RunDecision decision = out.decide(fingerprint, overwrite);
    switch (decision.kind()) {
      case UP_TO_DATE -> {
        LOG.info("{}: {} is up to date (fingerprint {}), nothing to do", job, out.uri(),
            fingerprint.substring(0, 12));
        return new Result(false, out.uri(), out.manifestUri(), fingerprint, null);
      }
      case REFUSED -> throw new OutputConflictException(job + ": " + decision.message());
      default -> { }
    }
    Instant started = Instant.now();
    String temporary = out.newTemporary();
    try {
      spark.sparkContext().setJobGroup(job, job + " -> " + out.uri(), false);
      Outcome outcome;
      try {
        outcome = body.apply(temporary);
      } catch (Exception e) { // also Spark's SparkException: checked, but thrown undeclared
        throw StageFailedException.of(job, out.uri(), e);
      }
      outcome.accounting().verify(job);
      Manifest manifest = new Manifest(job, build.version(), build.gitCommit(), started,
          Instant.now(), spark.sparkContext().master(), spark.sparkContext().applicationId(),
          resolved, configHash, fingerprint, inputs, OutputFiles.describe(hadoop, temporary),
          outcome.accounting().summary(), outcome.stats());
      out.commit(temporary, manifest);
      LOG.info("{}: committed {} ({})", job, out.uri(), summary(outcome.accounting()));
      return new Result(true, out.uri(), out.manifestUri(), fingerprint, outcome.accounting());
    } catch (RuntimeException | Error e) {
      try {
        stopTasks(spark, job);
        out.discard(temporary);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
  }

  /**
   * Cancels what is left of the stage's Spark jobs and waits (at most a minute) until no task
   * runs: Spark fails a job as soon as one task fails, while its other tasks are only told to
   * stop, and one still running could write into the temporary directory after it is discarded.
   */
  private static void stopTasks(SparkSession spark, String job) {
    spark.sparkContext().cancelJobGroup(job);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline && Arrays.stream(
        spark.sparkContext().statusTracker().getExecutorInfos())
        .anyMatch(executor -> executor.numRunningTasks() > 0)) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * What {@link #run} would decide for this stage, without running it: run, up to date, or
   * refused (an output written with other options or inputs). For {@code quarry run --dry-run}.
   */
  public static OutputDir.RunDecision decide(SparkSession spark, Object config,
      List<Manifest.InputRef> inputs, String output, boolean overwrite) {
    String fingerprint = Fingerprint.of(Json.hash(Json.redacted(config)), inputs,
        QuarryBuild.current().version());
    return new OutputDir(output, spark.sparkContext().hadoopConfiguration())
        .decide(fingerprint, overwrite);
  }

  public static String summary(Accounting a) {
    return a.recordsIn() + " records in, " + a.kept() + " kept, " + a.rejectedTotal()
        + " rejected " + a.rejected() + ", " + a.errorsTotal() + " errors " + a.errors();
  }
}
