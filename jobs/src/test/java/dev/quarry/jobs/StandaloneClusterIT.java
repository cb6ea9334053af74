package dev.quarry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline on a real Spark standalone cluster on loopback — a Master and two Workers,
 * each its own JVM, with a SPARK_HOME whose jars/ are the Spark installation classpath the
 * shaded jar is built against — gives the same mix shards, byte for byte, as a local[2] run.
 * Every process started here is stopped when the test ends.
 */
class StandaloneClusterIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private final List<Process> started = new ArrayList<>();

  @TempDir
  Path dir;

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (Process process : started) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theDemoOnAStandaloneClusterMakesTheSameShardsAsLocal() throws Exception {
    Path sparkHome = sparkHome();
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    start("master", sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
    for (int w = 1; w <= 2; w++) {
      Path work = Files.createDirectories(dir.resolve("worker-" + w));
      start("worker-" + w, sparkHome, "org.apache.spark.deploy.worker.Worker", "--host",
          "127.0.0.1", "--cores", "1", "--memory", "2g", "--work-dir", work.toString(),
          "--webui-port", Integer.toString(freePort()), master);
    }

    // Both runs write to the same work_dir (the index and the OLMo metadata name the
    // datasets), one after the other.
    Path pipeline = pipeline("work");
    SparkSubmitProcess.run(dir, "local[2]", List.of(), "run", pipeline.toString());
    List<String> local = MixFiles.checksums(dir.resolve("work/mixes/demo/v0001"));
    deleteRecursively(dir.resolve("work"));
    String printed = SparkSubmitProcess.run(dir, master, List.of(
        "spark.executor.memory=1g", "spark.cores.max=2", "spark.sql.shuffle.partitions=8"),
        "run", pipeline.toString());

    assertThat(printed).contains("mix: created demo@v0001");
    assertThat(Files.readString(dir.resolve("work/dedup/manifest.json")))
        .contains("\"spark_master\" : \"" + master + "\"");
    assertThat(MixFiles.checksums(dir.resolve("work/mixes/demo/v0001"))).hasSizeGreaterThan(10)
        .isEqualTo(local);
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The demo pipeline with absolute paths and its work_dir under the test directory. */
  private Path pipeline(String name) throws IOException {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    String demo = Files.readString(repo.resolve("conf/pipelines/demo.yaml"))
        .replace("work_dir: out/demo", "work_dir: " + dir.resolve(name))
        .replace("samples/", repo.resolve("samples") + "/")
        .replace("conf/filters/", repo.resolve("conf/filters") + "/")
        .replace("conf/mixes/", repo.resolve("conf/mixes") + "/");
    return Files.writeString(dir.resolve(name + ".yaml"), demo);
  }

  /** A SPARK_HOME whose jars/ links every jar of the Spark installation classpath. */
  private Path sparkHome() throws IOException {
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    Path jars = Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("conf"));
    for (String jar : Files.readString(TARGET.resolve("provided.classpath")).strip()
        .split(File.pathSeparator)) {
      Path source = Path.of(jar);
      Path link = jars.resolve(source.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, source);
      }
    }
    return home;
  }

  private void start(String name, Path sparkHome, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = SparkSubmitProcess.java("512m",
        sparkHome.resolve("jars") + File.separator + "*", mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // Spark's launcher asks for it when SPARK_HOME is not a Spark build or distribution.
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    started.add(builder.start());
    waitForLog(name, name.equals("master") ? "I have been elected leader"
        : "Successfully registered with master");
  }

  private void waitForLog(String name, String line) throws IOException, InterruptedException {
    Path log = dir.resolve(name + ".log");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " did not log '" + line + "' within 90 s:\n"
        + (Files.exists(log) ? Files.readString(log) : "(no log)"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
