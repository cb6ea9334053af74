package dev.quarry.jobs.bench;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One measured run of a stage or baseline, or the median of several ({@code run} null).
 *
 * @param baseline null for the stage itself
 * @param scale the scale factor of a scaling run's step, null for a plain run
 * @param input what the run read: the --input given, or the previous stage's output
 * @param inputFormat the format it was read as
 * @param cores the Spark cores the run had (see {@link SparkCores}); null when unknown
 * @param peakRssSource how {@code peakRssBytes} was measured (see {@link PeakMemory})
 */
public record BenchRow(String stage, String baseline, Integer scale, Integer run,
    Instant timestamp, List<String> input, String inputFormat, int inputFiles,
    long inputBytes, double wallSeconds, Integer cores,
    Long recordsIn, Long kept, Long rejected, Long errors, Map<String, Long> extra,
    Long peakHeapBytes, Long peakRssBytes, String peakRssSource) {

  public static final double MB = 1_000_000.0;

  /** What {@code --baseline} / the stage is called in tables: stage or stage/baseline. */
  public String label() {
    return baseline == null ? stage : stage + "/" + baseline;
  }

  public boolean isMedian() {
    return run == null;
  }

  public double inputMb() {
    return inputBytes / MB;
  }

  /** Input MB per second per core. */
  public Double mbPerSecondPerCore() {
    return perSecondPerCore(inputMb());
  }

  /** Records read per second per core. */
  public Double docsPerSecondPerCore() {
    return recordsIn == null ? null : perSecondPerCore(recordsIn);
  }

  /** Documents kept per second per core. */
  public Double keptPerSecondPerCore() {
    return kept == null ? null : perSecondPerCore(kept);
  }

  private Double perSecondPerCore(double amount) {
    return cores == null || cores < 1 || wallSeconds <= 0 ? null
        : amount / wallSeconds / cores;
  }

  /**
   * The median row of repeated runs of one stage and step: the median wall time (rates follow
   * from it), the counts the runs agree on (null where they differ), the median peaks.
   */
  public static BenchRow median(List<BenchRow> runs) {
    BenchRow first = runs.get(0);
    double wall = Medians.of(runs.stream().map(BenchRow::wallSeconds).toList());
    Long cores = Medians.ofKnown(runs.stream()
        .map(r -> r.cores() == null ? null : r.cores().longValue()).toList());
    Instant last = runs.stream().map(BenchRow::timestamp).max(Comparator.naturalOrder())
        .orElse(first.timestamp());
    return new BenchRow(first.stage(), first.baseline(), first.scale(), null, last,
        first.input(), first.inputFormat(), first.inputFiles(), first.inputBytes(), wall,
        cores == null ? null : cores.intValue(),
        Medians.agreed(runs.stream().map(BenchRow::recordsIn).toList()),
        Medians.agreed(runs.stream().map(BenchRow::kept).toList()),
        Medians.agreed(runs.stream().map(BenchRow::rejected).toList()),
        Medians.agreed(runs.stream().map(BenchRow::errors).toList()),
        Medians.agreed(runs.stream().map(BenchRow::extra).toList()),
        Medians.ofKnown(runs.stream().map(BenchRow::peakHeapBytes).toList()),
        Medians.ofKnown(runs.stream().map(BenchRow::peakRssBytes).toList()),
        Medians.agreed(runs.stream().map(BenchRow::peakRssSource).toList()));
  }
}
