package dev.quarry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar under Spark's own launcher: {@code org.apache.spark.deploy.SparkSubmit} (what
 * {@code bin/spark-submit} runs) in a child JVM whose classpath is only what a Spark installation
 * provides, plus the jar given as the application.
 */
class SparkSubmitIT {
  @TempDir
  Path dir;

  @Test
  void ingestRunsUnderSparkSubmitFromTheShadedJar() throws Exception {
    Path output = dir.resolve("out");
    String printed = SparkSubmitProcess.run(dir, "local[2]", List.of(),
        "ingest", "--input", Path.of("..", "samples", "jsonl").toAbsolutePath() + "/*.jsonl",
        "--format", "jsonl", "--source", "sample", "--output", output.toString());
    assertThat(printed).contains("ingest: 160 records in, 160 kept");
    assertThat(output.resolve("_SUCCESS")).exists();
    assertThat(Files.readString(output.resolve("manifest.json")))
        .contains("\"spark_master\" : \"local[2]\"");
  }
}
