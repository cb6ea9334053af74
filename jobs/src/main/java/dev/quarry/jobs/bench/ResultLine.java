package dev.quarry.jobs.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quarry.core.QuarryBuild;
import dev.quarry.core.config.Json;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * One line of the results file (JSON, snake_case): a run or a median ({@code run} =
 * "median"), with what it ran on. Rates are per second of wall time and per Spark core;
 * MB = 10^6 bytes.
 */
public record ResultLine(Instant timestamp, String quarryVersion, String gitCommit,
    Machine machine, String sparkMaster, Integer sparkCores, Map<String, String> sparkConf,
    String stage, String baseline, Integer scale, Object run, List<String> input,
    String inputFormat, int inputFiles, long inputBytes, double wallSeconds,
    @JsonProperty("mb_per_s_per_core") Double mbPerSecondPerCore,
    @JsonProperty("docs_per_s_per_core") Double docsPerSecondPerCore,
    @JsonProperty("kept_docs_per_s_per_core") Double keptDocsPerSecondPerCore, Long recordsIn,
    Long kept, Long rejected, Long errors, Map<String, Long> extra, Long peakHeapBytes,
    Long peakRssBytes, String peakRssSource) {

  /** Spark settings that change the figures, when set (shuffle partitions always). */
  static final List<String> SPARK_SETTINGS = List.of("spark.driver.memory",
      "spark.executor.memory", "spark.executor.cores", "spark.executor.instances",
      "spark.default.parallelism", "spark.dynamicAllocation.enabled",
      "spark.executor.metrics.pollingInterval", "spark.executor.processTreeMetrics.enabled");

  /**
   * The machine the driver runs on.
   *
   * @param memoryBytes total physical memory (MemTotal of /proc/meminfo, else the JVM's view)
   * @param jvmMaxHeapBytes the driver JVM's -Xmx (in local mode also the executor's)
   */
  public record Machine(int coresAvailable, Long memoryBytes, String javaVersion, String os,
      long jvmMaxHeapBytes) {
    public static Machine current() {
      Long memory = ProcStatus.totalMemoryBytes();
      if (memory == null && ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        memory = os.getTotalMemorySize();
      }
      return new Machine(Runtime.getRuntime().availableProcessors(), memory,
          System.getProperty("java.version"), System.getProperty("os.name") + " "
              + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
          Runtime.getRuntime().maxMemory());
    }
  }

  /** What every line of one invocation shares. */
  public record Context(Machine machine, String sparkMaster, Map<String, String> sparkConf) {
    public static Context of(SparkSession spark) {
      SparkConf conf = spark.sparkContext().getConf();
      Map<String, String> settings = new TreeMap<>();
      SPARK_SETTINGS.stream().filter(conf::contains).forEach(k -> settings.put(k, conf.get(k)));
      settings.put("spark.sql.shuffle.partitions",
          spark.conf().get("spark.sql.shuffle.partitions"));
      return new Context(Machine.current(), spark.sparkContext().master(), settings);
    }
  }

  public static ResultLine of(BenchRow row, Context context) {
    QuarryBuild build = QuarryBuild.current();
    return new ResultLine(row.timestamp(), build.version(), build.gitCommit(),
        context.machine(), context.sparkMaster(), row.cores(), context.sparkConf(), row.stage(),
        row.baseline(), row.scale(), row.isMedian() ? "median" : row.run(), row.input(),
        row.inputFormat(), row.inputFiles(), row.inputBytes(), row.wallSeconds(),
        row.mbPerSecondPerCore(), row.docsPerSecondPerCore(), row.keptPerSecondPerCore(),
        row.recordsIn(), row.kept(), row.rejected(), row.errors(), row.extra(),
        row.peakHeapBytes(), row.peakRssBytes(), row.peakRssSource());
  }

  /** The line as compact JSON (no newline). */
  public String json() {
    try {
      return Json.mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a bench result as JSON", e);
    }
  }
}
