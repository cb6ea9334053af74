package dev.quarry.jobs.cli;

import dev.quarry.core.spark.StageRunner;
import dev.quarry.jobs.bench.SparkCores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that runs Spark. Under spark-submit the master and settings
 * come from spark-submit; elsewhere {@code --master} (default {@code local[*]}) applies.
 */
public final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for runs outside spark-submit, e.g. local[4] or "
          + "spark://host:7077 (default: spark-submit's, else local[*])")
  String master;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
      description = "Extra Spark setting (repeatable), e.g. spark.sql.shuffle.partitions=64")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  private boolean created;

  /**
   * The session to run on: an existing one (a test's, or a notebook's) is reused and left
   * running; otherwise a new one is built, which {@link #release} stops.
   */
  public SparkSession session(String appName) {
    return session(appName, Map.of());
  }

  /**
   * The same, with settings this command wants unless spark-submit or --spark-conf say
   * otherwise (they do not apply to a reused session).
   */
  public SparkSession session(String appName, Map<String, String> defaults) {
    scala.Option<SparkSession> existing = SparkSession.getActiveSession().isDefined()
        ? SparkSession.getActiveSession() : SparkSession.getDefaultSession();
    if (existing.isDefined()) {
      return existing.get();
    }
    created = true;
    SparkConf conf = new SparkConf();
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setAppName("quarry " + appName);
    conf.setIfMissing("spark.ui.showConsoleProgress",
        Boolean.toString(System.console() != null));
    conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    sparkConf.forEach(conf::set);
    defaults.forEach(conf::setIfMissing);
    localShufflePartitions(conf.get("spark.master"))
        .ifPresent(n -> conf.setIfMissing("spark.sql.shuffle.partitions", Integer.toString(n)));
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /**
   * For a local master, 4 shuffle partitions per core ({@code local[2]}: 8) instead of Spark's
   * 200, which are made for clusters: every shuffle of a small local run then schedules 200
   * tasks (the demo's dedup: 121 s with 200, 48 s with 8). Empty for other masters, whose
   * setting comes from the cluster's defaults or {@code --conf}.
   */
  static java.util.OptionalInt localShufflePartitions(String master) {
    Integer cores = master == null ? null
        : SparkCores.local(master, Runtime.getRuntime().availableProcessors());
    return cores == null ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(4 * Math.max(1, cores));
  }

  /**
   * Runs one stage on the session, prints where its output and manifest are, and stops the
   * session if this command started it. A config error is reported under the option's name.
   */
  int runStage(CommandSpec command, String stage, Function<SparkSession, StageRunner.Result> job) {
    SparkSession spark = session(stage);
    try {
      Reports.print(command.commandLine().getOut(), stage,
          CliNames.onCommandLine(() -> job.apply(spark)));
      return ExitCodes.OK;
    } finally {
      release(spark);
    }
  }

  /** Stops the session if this command started it. */
  public void release(SparkSession spark) {
    if (created) {
      spark.stop();
    }
  }
}
