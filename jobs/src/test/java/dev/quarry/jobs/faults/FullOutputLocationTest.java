package dev.quarry.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.jobs.cli.QuarryCliTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output's file system fills up while a stage writes (a full disk; a bucket over its
 * quota fails the same way): the stage fails (exit 1) naming its output and the cause, its
 * temporary directory is discarded, the output committed there before is untouched, and once
 * there is space again the same command commits.
 */
class FullOutputLocationTest {
  @TempDir
  Path dir;

  @Test
  void theStageFailsKeepsTheCommittedOutputAndCommitsOnceThereIsSpace() throws Exception {
    FaultPipeline pipeline = FaultPipeline.committed(dir);
    Path dedup = pipeline.work.resolve("dedup");
    List<String> committed = WorkDirSnapshot.of(dedup);

    // Dedup again with other options, replacing its output, on a disk with 100 kB left.
    FaultyFileSystem.fullAfter(pipeline.work, 100_000);
    String[] again = {"--from", "dedup", "--overwrite"};
    QuarryCliTest.Run full = pipeline.runWithDedup("{threshold: 0.7}", again);
    assertThat(full.exit()).as(full.err()).isEqualTo(1);
    assertThat(FaultyFileSystem.triggered()).as("writes that failed").isPositive();
    assertThat(full.err()).contains("dedup: nothing was committed: "
            + FaultyFileSystem.uri(dedup).replace("///", "/") + " is as it was before this run "
            + "(its temporary output was discarded)")
        .contains("No space left on device");
    assertThat(WorkDirSnapshot.of(dedup)).as("the committed output").isEqualTo(committed);
    assertThat(pipeline.leftovers()).isEmpty();
    assertThat(pipeline.work.resolve("mixes/faults/v0002")).doesNotExist();

    FaultyFileSystem.clear();
    QuarryCliTest.Run freed = pipeline.runWithDedup("{threshold: 0.7}", again);
    assertThat(freed.exit()).as(freed.err()).isZero();
    assertThat(freed.out()).contains("dedup: 266 records in").contains("mix: created faults@v0002");
    assertThat(PipelineAccounting.manifest(dedup).path("config").path("options")
        .path("threshold").asDouble()).isEqualTo(0.7);
    assertThat(pipeline.leftovers()).isEmpty();
    PipelineAccounting.check(pipeline.work, "warc", "jsonl");
  }
}
