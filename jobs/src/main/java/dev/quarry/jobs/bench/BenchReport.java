package dev.quarry.jobs.bench;

import static dev.quarry.jobs.bench.TextTable.number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The tables {@code quarry bench} prints once every run is done. */
public final class BenchReport {
  private BenchReport() {}

  /** One row per run and per median, in the order measured. */
  public static String runs(List<BenchRow> rows) {
    TextTable table = new TextTable("stage", "scale", "run", "input MB", "docs in", "kept",
        "wall s", "MB/s/core", "docs/s/core", "kept/s/core", "peak heap MB", "peak RSS MB");
    for (BenchRow r : rows) {
      table.row(r.label(), scale(r.scale()), r.isMedian() ? "median" : r.run().toString(),
          number(r.inputMb(), 2), number(r.recordsIn(), 0), number(r.kept(), 0),
          number(r.wallSeconds(), 2), number(r.mbPerSecondPerCore(), 3),
          number(r.docsPerSecondPerCore(), 1), number(r.keptPerSecondPerCore(), 1),
          number(megabytes(r.peakHeapBytes()), 0), number(megabytes(r.peakRssBytes()), 0));
    }
    return table.render();
  }

  /**
   * For each stage (and baseline) of a scaling run, how the cost per MB changes with the input:
   * a ratio above 1 in the last column means the step costs more per MB than the smallest one.
   */
  public static String scaling(List<BenchRow> rows) {
    StringBuilder out = new StringBuilder();
    medianSeries(rows).forEach((label, medians) -> {
      BenchRow smallest = medians.get(0);
      TextTable table = new TextTable("scale", "files", "input MB", "median wall s", "s/MB",
          "core-s/MB", "cost/MB vs " + scale(smallest.scale()));
      for (BenchRow m : medians) {
        table.row(scale(m.scale()), Integer.toString(m.inputFiles()), number(m.inputMb(), 2),
            number(m.wallSeconds(), 2), number(m.wallSeconds() / m.inputMb(), 3),
            number(coreSecondsPerMb(m), 3), number(relativeCost(m, smallest), 2));
      }
      out.append("scaling of ").append(label).append(":\n").append(table.render());
    });
    return out.toString();
  }

  /** The stage's medians against each baseline's, step by step. */
  public static String baselines(List<BenchRow> rows) {
    StringBuilder out = new StringBuilder();
    Map<String, List<BenchRow>> series = medianSeries(rows);
    series.forEach((label, medians) -> {
      BenchRow any = medians.get(0);
      if (any.baseline() == null) {
        return;
      }
      List<BenchRow> stage = series.getOrDefault(any.stage(), List.of());
      TextTable table = new TextTable("scale", "files", any.stage() + " wall s",
          any.baseline() + " wall s", "wall ratio", "throughput ratio");
      for (BenchRow base : medians) {
        stage.stream().filter(s -> Objects.equals(s.scale(), base.scale())).findFirst()
            .ifPresent(s -> table.row(scale(s.scale()), Integer.toString(s.inputFiles()),
                number(s.wallSeconds(), 2), number(base.wallSeconds(), 2),
                number(s.wallSeconds() / base.wallSeconds(), 2),
                number(ratio(s.mbPerSecondPerCore(), base.mbPerSecondPerCore()), 3)));
      }
      out.append(any.stage()).append(" vs baseline ").append(any.baseline())
          .append(" (medians; wall ratio = ").append(any.stage()).append(" / ")
          .append(any.baseline()).append(", throughput ratio = MB/s/core of ")
          .append(any.stage()).append(" / of ").append(any.baseline()).append("):\n")
          .append(table.render());
    });
    return out.toString();
  }

  /** The median rows by label, in the order they were measured. */
  private static Map<String, List<BenchRow>> medianSeries(List<BenchRow> rows) {
    Map<String, List<BenchRow>> series = new LinkedHashMap<>();
    rows.stream().filter(BenchRow::isMedian)
        .forEach(r -> series.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r));
    return series;
  }

  private static Double coreSecondsPerMb(BenchRow r) {
    return r.cores() == null ? null : r.wallSeconds() * r.cores() / r.inputMb();
  }

  /** Core-seconds per MB against the reference step's; seconds per MB if cores are unknown. */
  static double relativeCost(BenchRow step, BenchRow reference) {
    Double cost = coreSecondsPerMb(step);
    Double base = coreSecondsPerMb(reference);
    return cost != null && base != null ? cost / base
        : (step.wallSeconds() / step.inputMb()) / (reference.wallSeconds() / reference.inputMb());
  }

  private static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  private static Double megabytes(Long bytes) {
    return bytes == null ? null : bytes / BenchRow.MB;
  }

  private static String scale(Integer scale) {
    return scale == null ? "-" : scale + "x";
  }
}
