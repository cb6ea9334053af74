package dev.quarry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar under Spark's own launcher: {@code org.apache.spark.deploy.SparkSubmit} (what
 * {@code bin/spark-submit} runs) in a child JVM whose classpath is only what a Spark installation
 * provides, plus the jar given as the application.
 */
class SparkSubmitIT {
  private static final Path TARGET = Path.of("target");

  @TempDir
  Path dir;

  @Test
  void ingestRunsUnderSparkSubmitFromTheShadedJar() throws Exception {
    Path jar = TARGET.resolve("quarry.jar");
    assertThat(jar).exists();
    String classpath = Files.readString(TARGET.resolve("provided.classpath")).strip();
    Path output = dir.resolve("out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(Arrays.asList(System.getProperty("java17.opens").trim().split("\\s+")));
    command.addAll(List.of("-cp", classpath, "org.apache.spark.deploy.SparkSubmit",
        "--class", "dev.quarry.jobs.Quarry", "--master", "local[2]",
        "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
        jar.toAbsolutePath().toString(),
        "ingest", "--input", Path.of("..", "samples", "jsonl").toAbsolutePath() + "/*.jsonl",
        "--format", "jsonl", "--source", "sample", "--output", output.toString()));
    Path log = dir.resolve("spark-submit.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).directory(new File(".")).start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly().waitFor();
    }
    String printed = Files.readString(log);
    assertThat(finished).as("spark-submit finished within 5 minutes:\n%s", printed).isTrue();
    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed).contains("ingest: 160 records in, 160 kept");
    assertThat(output.resolve("_SUCCESS")).exists();
    assertThat(Files.readString(output.resolve("manifest.json")))
        .contains("\"spark_master\" : \"local[2]\"");
  }
}
