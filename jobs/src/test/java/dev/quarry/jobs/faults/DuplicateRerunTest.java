package dev.quarry.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.jobs.cli.QuarryCliTest;
import dev.quarry.jobs.report.RunRecord;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pipeline run again after it succeeded (a scheduler's duplicate run, a retry after a
 * lost report): every stage is up to date, exit 0, and not one file or directory under
 * work_dir is written, renamed or touched.
 */
class DuplicateRerunTest {
  @TempDir
  Path dir;

  @Test
  void aRerunAfterSuccessChangesNothing() throws Exception {
    FaultPipeline pipeline = FaultPipeline.committed(dir);
    List<String> before = WorkDirSnapshot.of(pipeline.work);

    QuarryCliTest.Run again = pipeline.run();
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out().split("is up to date \\(same inputs and options\\)"))
        .as("2 ingest, 2 filter, 1 dedup up to date").hasSize(6);
    assertThat(again.out()).contains("mix: up to date: faults@v0001")
        .doesNotContain("records in").doesNotContain("created");
    assertThat(WorkDirSnapshot.of(pipeline.work)).isEqualTo(before);
    // What the rerun adds: its own record, every output found up to date.
    try (java.util.stream.Stream<Path> runs = java.nio.file.Files.list(
        pipeline.work.resolve(RunRecord.RUNS))) {
      List<String> outcomes = new java.util.ArrayList<>();
      for (Path run : runs.toList()) {
        RunRecord record = RunRecord.read(run.toString(), new Configuration()).orElseThrow();
        outcomes.add(record.outputs().stream().map(RunRecord.Output::outcome).distinct()
            .toList().toString());
      }
      assertThat(outcomes).containsExactlyInAnyOrder("[ran]", "[up_to_date]");
    }
    PipelineAccounting.check(pipeline.work, "warc", "jsonl");
  }
}
