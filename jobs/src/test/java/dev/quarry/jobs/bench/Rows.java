package dev.quarry.jobs.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rows for tests: stage ingest on 2 cores, 40% of the records kept. */
final class Rows {
  private Rows() {}

  static BenchRow row(String baseline, Integer scale, int run, int files, long bytes,
      double wall, long recordsIn, Long heap) {
    return new BenchRow("ingest", baseline, scale, run,
        Instant.parse("2026-11-23T10:00:00Z").plusSeconds(run), List.of("/data/warc"), "warc",
        files, bytes, wall, 2, recordsIn, baseline == null ? recordsIn * 2 / 5 : null,
        baseline == null ? recordsIn * 3 / 5 : null, 0L, Map.of(), heap, null, null);
  }
}
