package dev.quarry.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.spark.TestSpark;
import dev.quarry.jobs.cli.QuarryCliTest;
import dev.quarry.jobs.report.RunRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input file deleted after the stage listed its inputs and before a task read it: the stage
 * fails (exit 1) naming the file and saying to rerun, and commits nothing — a manifest would
 * name, and a fingerprint hash, an input that was never read. The rerun lists the inputs again
 * and runs every stage without the file.
 */
class InputDeletedAfterPlanningTest {
  @TempDir
  Path dir;

  @Test
  void theStageFailsNamingTheFileAndTheRerunSucceedsWithoutIt() throws Exception {
    FaultPipeline pipeline = FaultPipeline.in(dir);
    Path gone = pipeline.jsonl.get(1);
    FaultyFileSystem.deleteWhenOpened(gone);

    QuarryCliTest.Run failed = pipeline.run();
    assertThat(failed.exit()).as(failed.err()).isEqualTo(1);
    assertThat(FaultyFileSystem.triggered()).as("a task opened the deleted file").isEqualTo(1);
    assertThat(gone).doesNotExist();
    assertThat(failed.err())
        .contains("ingest: nothing was committed: " + FaultyFileSystem.uri(
            pipeline.work.resolve("ingest/jsonl")).replace("///", "/"))
        .contains("cannot open shard " + FaultyFileSystem.uri(gone).replace("///", "/")
            + ": it was listed when the stage planned its inputs and is gone now")
        .contains("Rerun the stage");
    assertThat(pipeline.work.resolve("ingest/jsonl")).doesNotExist();
    assertThat(pipeline.work.resolve("ingest/warc/_SUCCESS")).as("the source before it")
        .exists();
    assertThat(pipeline.leftovers()).isEmpty();
    // The failed run's record and the report of what it committed before the failure.
    java.util.List<Path> runs;
    try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(
        pipeline.work.resolve(RunRecord.RUNS))) {
      runs = list.toList();
    }
    assertThat(runs).hasSize(1);
    RunRecord record = RunRecord.read(FaultyFileSystem.uri(runs.get(0)),
        TestSpark.session().sparkContext().hadoopConfiguration()).orElseThrow();
    assertThat(record.status()).isEqualTo("failed");
    assertThat(record.error()).contains("StageFailedException")
        .contains("ingest: nothing was committed");
    assertThat(record.outputs()).extracting(RunRecord.Output::stage).containsExactly("ingest");
    assertThat(runs.get(0).resolve("report.html")).isRegularFile();
    assertThat(failed.out()).contains("report: run faults " + record.id() + ": failed")
        .contains("funnel:    ");

    QuarryCliTest.Run rerun = pipeline.run();
    assertThat(rerun.exit()).as(rerun.err()).isZero();
    assertThat(rerun.out()).contains("ingest warc: faulty:").contains("is up to date")
        .contains("ingest jsonl: 80 records in, 80 kept").contains("mix: created faults@v0001");
    assertThat(PipelineAccounting.manifest(pipeline.work.resolve("ingest/jsonl"))
        .path("inputs")).singleElement().satisfies(input -> assertThat(
            input.path("path").asText()).endsWith("/part-0.jsonl.gz"));
    PipelineAccounting.check(pipeline.work, "warc", "jsonl");
  }
}
