package dev.quarry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the shaded jar under Spark's own launcher, {@code org.apache.spark.deploy.SparkSubmit}
 * (what {@code bin/spark-submit} runs), in a child JVM whose classpath is only what a Spark
 * installation provides; for integration tests. The child is killed if it outlives the timeout.
 */
final class SparkSubmitProcess {
  private static final Path TARGET = Path.of("target");

  private SparkSubmitProcess() {}

  /** A child JVM's command line: this JVM's java, a heap, the module opens Spark needs. */
  static List<String> java(String heap, String classpath, String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(Arrays.asList(System.getProperty("java17.opens").trim().split("\\s+")));
    command.addAll(List.of("-cp", classpath, mainClass));
    return command;
  }

  /** What the run printed (stdout and stderr) after it exited 0; fails the test otherwise. */
  static String run(Path logDir, String master, List<String> sparkConf, String... quarryArgs)
      throws IOException, InterruptedException {
    return start(logDir, master, sparkConf, quarryArgs).awaitSuccess();
  }

  /** A spark-submit that finished: its exit code, and everything it printed. */
  record Submitted(int exit, String printed) {}

  /**
   * Runs spark-submit with this JVM's environment as {@code environment} changes it, whatever
   * its exit code; fails the test only if it outlives the timeout.
   */
  static Submitted submit(Path logDir, String master, List<String> sparkConf,
      Consumer<Map<String, String>> environment, String... quarryArgs)
      throws IOException, InterruptedException {
    Running running = start(logDir, List.of(), environment, master, sparkConf, quarryArgs);
    int exit = running.awaitExit();
    return new Submitted(exit, running.printed());
  }

  /** Starts a run without waiting for it; its output goes to {@link Running#log}. */
  static Running start(Path logDir, String master, List<String> sparkConf,
      String... quarryArgs) throws IOException {
    return start(logDir, List.of(), env -> { }, master, sparkConf, quarryArgs);
  }

  /**
   * The same with options for the child JVM itself (e.g. {@code -Dname=value}: in client mode
   * the driver runs in that JVM, which is already started when spark-submit reads its conf)
   * and changes to its environment.
   */
  static Running start(Path logDir, List<String> jvmOptions,
      Consumer<Map<String, String>> environment, String master, List<String> sparkConf,
      String... quarryArgs) throws IOException {
    Path jar = TARGET.resolve("quarry.jar");
    assertThat(jar).exists();
    String classpath = Files.readString(TARGET.resolve("provided.classpath")).strip();
    List<String> command = java("1g", classpath, "org.apache.spark.deploy.SparkSubmit");
    command.addAll(1, jvmOptions);
    command.addAll(List.of(
        "--class", "dev.quarry.jobs.Quarry", "--master", master,
        "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1"));
    for (String conf : sparkConf) {
      command.addAll(List.of("--conf", conf));
    }
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(quarryArgs));
    Path log = Files.createTempFile(logDir, "spark-submit", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).directory(new File("."));
    environment.accept(builder.environment());
    Process process = builder.start();
    return new Running(process, log);
  }

  /** A spark-submit child JVM and the file its stdout and stderr go to. */
  record Running(Process process, Path log) {
    /** What it has printed so far. */
    String printed() throws IOException {
      return Files.readString(log);
    }

    /** Waits up to 5 minutes (then kills it) and asserts it exited 0; returns what it printed. */
    String awaitSuccess() throws IOException, InterruptedException {
      int exit = awaitExit();
      assertThat(exit).as(printed()).isZero();
      return printed();
    }

    /** Waits up to 5 minutes (then kills it and fails) and returns its exit status. */
    int awaitExit() throws IOException, InterruptedException {
      boolean finished = process.waitFor(5, TimeUnit.MINUTES);
      if (!finished) {
        process.destroyForcibly().waitFor();
      }
      assertThat(finished).as("spark-submit finished within 5 minutes:\n%s", printed()).isTrue();
      return process.exitValue();
    }
  }
}
