package dev.quarry.jobs.bench;

import static dev.quarry.jobs.bench.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  @Test
  void ratesArePerSecondPerCoreInDecimalMegabytes() {
    BenchRow r = row(null, null, 1, 4, 10_000_000, 2.5, 1000, null);
    assertThat(r.inputMb()).isEqualTo(10.0);
    assertThat(r.mbPerSecondPerCore()).isEqualTo(2.0);
    assertThat(r.docsPerSecondPerCore()).isEqualTo(200.0);
    assertThat(r.keptPerSecondPerCore()).isEqualTo(80.0);
  }

  @Test
  void theMedianRowTakesTheMedianWallAndDerivesItsRatesFromIt() {
    List<BenchRow> runs = List.of(row(null, 2, 1, 4, 10_000_000, 5.0, 1000, 300_000_000L),
        row(null, 2, 2, 4, 10_000_000, 1.0, 1000, null),
        row(null, 2, 3, 4, 10_000_000, 4.0, 1000, 100_000_000L));
    BenchRow median = BenchRow.median(runs);
    assertThat(median.isMedian()).isTrue();
    assertThat(median.wallSeconds()).isEqualTo(4.0);
    assertThat(median.mbPerSecondPerCore()).isEqualTo(10.0 / 4.0 / 2);
    assertThat(median.recordsIn()).isEqualTo(1000);
    assertThat(median.kept()).isEqualTo(400);
    assertThat(median.peakHeapBytes()).isEqualTo(200_000_000L);
    assertThat(median.timestamp()).isEqualTo(runs.get(2).timestamp());
    assertThat(median.scale()).isEqualTo(2);
  }

  @Test
  void runTableHasARowPerRunAndMedian() {
    List<BenchRow> rows = new ArrayList<>(List.of(
        row(null, 1, 1, 1, 1_000_000, 2.0, 100, 256_000_000L),
        row(null, 1, 2, 1, 1_000_000, 3.0, 100, null)));
    rows.add(BenchRow.median(rows));
    String table = BenchReport.runs(rows);
    assertThat(table.lines().toList()).hasSize(5);
    assertThat(table.lines().findFirst().orElseThrow()).isEqualTo("stage   scale     run  "
        + "input MB  docs in  kept  wall s  MB/s/core  docs/s/core  kept/s/core  peak heap MB"
        + "  peak RSS MB");
    assertThat(table).contains("ingest     1x       1      1.00      100    40    2.00      "
        + "0.250         25.0         10.0           256            -\n");
    assertThat(table).contains("ingest     1x  median      1.00      100    40    2.50      "
        + "0.200         20.0          8.0           256            -\n");
  }

  @Test
  void scalingShowsCostPerMegabyteAgainstTheSmallestStep() {
    List<BenchRow> rows = List.of(
        BenchRow.median(List.of(row(null, 1, 1, 1, 1_000_000, 2.0, 100, null))),
        BenchRow.median(List.of(row(null, 2, 1, 2, 2_000_000, 5.0, 200, null))));
    assertThat(BenchReport.scaling(rows)).isEqualTo("""
        scaling of ingest:
        scale  files  input MB  median wall s   s/MB  core-s/MB  cost/MB vs 1x
        -----  -----  --------  -------------  -----  ---------  -------------
        1x         1      1.00           2.00  2.000      4.000           1.00
        2x         2      2.00           5.00  2.500      5.000           1.25
        """);
  }

  @Test
  void baselineRatiosAreOfMedians() {
    List<BenchRow> rows = List.of(
        BenchRow.median(List.of(row(null, null, 1, 4, 1_000_000, 2.0, 100, null))),
        BenchRow.median(List.of(row("warc-scan", null, 1, 4, 1_000_000, 0.5, 100, null))));
    String report = BenchReport.baselines(rows);
    assertThat(report).startsWith("ingest vs baseline warc-scan (medians; ")
        .contains("-          4           2.00              0.50        4.00             0.250\n");
  }
}
