package dev.quarry.dedup.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a benchmark class through JMH's {@link Runner} with short settings — one fork, 3 × 1 s
 * warmup, 5 × 1 s measurement, throughput in ops/s — so a class of three benchmarks finishes in
 * about a minute. The benchmarks' {@code main} methods call this; a JSON result file is written
 * when the system property {@code jmh.result} names one.
 */
public final class ShortRun {
  private ShortRun() {}

  public static void run(Class<?> benchmarks) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(benchmarks.getName() + ".*")
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(1))
        .timeUnit(TimeUnit.SECONDS);
    String result = System.getProperty("jmh.result");
    if (result != null) {
      options.result(result).resultFormat(ResultFormatType.JSON);
    }
    new Runner(options.build()).run();
  }
}
