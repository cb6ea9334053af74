package dev.quarry.jobs.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * The number of cores Spark runs tasks on, the "core" of the per-core rates. Local masters say
 * it themselves ({@code local[2]} is 2, {@code local[*]} is this machine's processors). On a
 * cluster it is the sum of the registered executors' cores, which is what Spark's
 * {@code defaultParallelism} is unless {@code spark.default.parallelism} overrides it; then it
 * is executors × {@code spark.executor.cores}, and unknown (null) when that is not set either.
 */
public final class SparkCores {
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?\\])?");

  private SparkCores() {}

  /** Cores of the running application (read after a job, when executors have registered). */
  public static Integer of(SparkContext sc) {
    Integer local = local(sc.master(), Runtime.getRuntime().availableProcessors());
    if (local != null) {
      return local;
    }
    SparkConf conf = sc.getConf();
    if (!conf.contains("spark.default.parallelism")) {
      return sc.defaultParallelism();
    }
    if (conf.contains("spark.executor.cores")) {
      // The list includes the driver.
      int executors = sc.statusTracker().getExecutorInfos().length - 1;
      return executors * conf.getInt("spark.executor.cores", 1);
    }
    return null;
  }

  /** Cores of a {@code local}, {@code local[N]}, {@code local[*]} or {@code local[N,F]} master. */
  public static Integer local(String master, int availableProcessors) {
    Matcher m = LOCAL.matcher(master.strip());
    if (!m.matches()) {
      return null;
    }
    if (m.group(1) == null) {
      return 1;
    }
    return m.group(1).equals("*") ? availableProcessors : Integer.parseInt(m.group(1));
  }

  static boolean isLocal(String master) {
    return LOCAL.matcher(master.strip()).matches();
  }
}
