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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline on a real Spark standalone cluster on loopback — a Master and two Workers,
 * each its own JVM, with a SPARK_HOME whose jars/ are the Spark installation classpath the
 * shaded jar is built against — gives the same mix shards, byte for byte, as a local[2] run;
 * and still does when one executor JVM is killed in the middle of the dedup stage. The cluster
 * and the local reference run are shared by the tests; every process started here is stopped
 * when the class is done.
 */
class StandaloneClusterIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final List<String> CLUSTER_CONF = List.of(
      "spark.executor.memory=1g", "spark.cores.max=2", "spark.sql.shuffle.partitions=8");
  /** Spark's task-end log line names the executor: "... on 127.0.0.1 (executor 1) (3/8)". */
  private static final Pattern FINISHED_TASK =
      Pattern.compile("Finished task \\S+ in stage .* \\(executor (\\d+)\\)");
  private static final List<Process> STARTED = new ArrayList<>();

  @TempDir
  static Path dir;
  private static String master;
  private static Path pipeline;
  /** The mix files of the demo run on local[2], into the same work_dir the cluster runs use. */
  private static List<String> local;

  @BeforeAll
  static void startClusterAndRunLocally() throws Exception {
    Path sparkHome = sparkHome();
    int port = freePort();
    master = "spark://127.0.0.1:" + port;
    start("master", sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
    for (int w = 1; w <= 2; w++) {
      Path work = Files.createDirectories(dir.resolve("worker-" + w));
      start("worker-" + w, sparkHome, "org.apache.spark.deploy.worker.Worker", "--host",
          "127.0.0.1", "--cores", "1", "--memory", "2g", "--work-dir", work.toString(),
          "--webui-port", Integer.toString(freePort()), master);
    }
    // Every run writes to the same work_dir (the index and the OLMo metadata name the
    // datasets), one after the other.
    pipeline = pipeline("work");
    SparkSubmitProcess.run(dir, "local[2]", List.of(), "run", pipeline.toString());
    local = MixFiles.checksums(dir.resolve("work/mixes/demo/v0001"));
    TestDirs.deleteRecursively(dir.resolve("work"));
  }

  @AfterAll
  static void stopEverything() throws InterruptedException, IOException {
    for (Process process : STARTED) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    // Unlink the jars here: JUnit warns about every link it finds when it deletes the directory.
    try (java.util.stream.Stream<Path> links = Files.list(dir.resolve("spark-home/jars"))) {
      for (Path link : links.toList()) {
        Files.delete(link);
      }
    }
  }

  @AfterEach
  void removeTheWorkDir() throws IOException {
    if (Files.exists(dir.resolve("work"))) {
      TestDirs.deleteRecursively(dir.resolve("work"));
    }
  }

  @Test
  void theDemoOnAStandaloneClusterMakesTheSameShardsAsLocal() throws Exception {
    String printed = SparkSubmitProcess.run(dir, master, CLUSTER_CONF, "run", pipeline.toString());

    assertThat(printed).contains("mix: created demo@v0001");
    assertThat(Files.readString(dir.resolve("work/dedup/manifest.json")))
        .contains("\"spark_master\" : \"" + master + "\"");
    assertThat(MixFiles.checksums(dir.resolve("work/mixes/demo/v0001"))).hasSizeGreaterThan(10)
        .isEqualTo(local);
  }

  @Test
  void killingAnExecutorInTheMiddleOfDedupLeavesTheSameShards() throws Exception {
    SparkSubmitProcess.Running run =
        SparkSubmitProcess.start(dir, master, CLUSTER_CONF, "run", pipeline.toString());
    String executor = executorOfAFinishedDedupTask(run);
    assertThat(dir.resolve("work/dedup/_SUCCESS")).as("dedup not committed yet").doesNotExist();
    ProcessHandle victim = executorProcess(executor);
    assertThat(victim.destroyForcibly()).isTrue();
    victim.onExit().get(30, TimeUnit.SECONDS);

    String printed = run.awaitSuccess();
    // What the driver did about it, for the test report.
    printed.lines().filter(l -> l.contains("Lost executor") || l.contains("Resubmitt")
        || l.contains("FetchFailed") || l.contains("Executor added")).limit(20)
        .forEach(System.out::println);
    assertThat(printed).contains("Lost executor " + executor).contains("mix: created demo@v0001");
    assertThat(MixFiles.checksums(dir.resolve("work/mixes/demo/v0001"))).hasSizeGreaterThan(10)
        .isEqualTo(local);
  }

  /**
   * Waits until the run has started dedup and an executor has finished one of its tasks (its
   * shuffle output now lives in that executor), and returns that executor's id.
   */
  private static String executorOfAFinishedDedupTask(SparkSubmitProcess.Running run)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline && run.process().isAlive()) {
      String printed = run.printed();
      int dedup = printed.indexOf("dedup: ");
      if (dedup >= 0) {
        Matcher finished = FINISHED_TASK.matcher(printed.substring(dedup));
        if (finished.find()) {
          return finished.group(1);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no dedup task finished on an executor:\n" + run.printed());
  }

  /** The JVM of executor {@code id}: a process a Worker started for the application. */
  private static ProcessHandle executorProcess(String id) {
    List<ProcessHandle> executors = STARTED.stream().flatMap(Process::descendants)
        .filter(p -> {
          List<String> args = List.of(p.info().arguments().orElse(new String[0]));
          int at = args.indexOf("--executor-id");
          return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
              && at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(id);
        }).toList();
    assertThat(executors).as("the JVM of executor %s", id).hasSize(1);
    return executors.get(0);
  }

  /** The demo pipeline with absolute paths and its work_dir under the test directory. */
  private static Path pipeline(String name) throws IOException {
    return DemoPipeline.write(dir.resolve(name + ".yaml"), dir.resolve(name).toString(),
        DemoPipeline.SAMPLES.toString());
  }

  /** A SPARK_HOME whose jars/ links every jar of the Spark installation classpath. */
  private static Path sparkHome() throws IOException {
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

  private static void start(String name, Path sparkHome, String mainClass, String... args)
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
    STARTED.add(builder.start());
    waitForLog(name, name.equals("master") ? "I have been elected leader"
        : "Successfully registered with master");
  }

  private static void waitForLog(String name, String line)
      throws IOException, InterruptedException {
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
