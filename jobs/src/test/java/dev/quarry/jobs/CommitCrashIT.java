package dev.quarry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.storage.OutputDir;
import dev.quarry.jobs.cli.QuarryCliTest;
import dev.quarry.jobs.faults.FaultPipeline;
import dev.quarry.jobs.faults.PipelineAccounting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A driver killed in the middle of a stage's commit, for real: the pipeline runs under
 * spark-submit in a child JVM with the test-only hook {@code -Dquarry.fault.halt-commit=<step>}
 * for the dedup output, which halts the JVM at that step (no shutdown hook, no cleanup). The
 * next run, without the hook, sees no half-committed output, finishes, and makes a mix
 * byte-identical to a clean run's; the accounting identity holds over every stage. Each step
 * leaves its own state: a temporary directory with the manifest, or with the manifest and
 * {@code _SUCCESS} (a first commit), the old output moved aside and the new one not yet in
 * place, or the new one in place and the old one not yet deleted (an overwrite).
 */
class CommitCrashIT {
  @TempDir
  static Path dir;
  static FaultPipeline pipeline;
  static List<String> cleanMix;
  static String cleanDedupFingerprint;

  /** A clean run; the ingest and filter outputs it commits stay for every step. */
  @BeforeAll
  static void cleanRun() throws IOException {
    pipeline = FaultPipeline.local(dir);
    QuarryCliTest.Run clean = pipeline.run();
    assertThat(clean.exit()).as(clean.err()).isZero();
    cleanMix = MixFiles.checksums(pipeline.work.resolve("mixes/faults/v0001"));
    cleanDedupFingerprint = fingerprint(pipeline.work.resolve("dedup"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"after-manifest", "after-success", "after-move-aside",
      "after-move-in"})
  void theNextRunSeesNoHalfCommittedOutputAndMakesTheSameMix(String step) throws Exception {
    Path work = pipeline.work;
    Path dedup = work.resolve("dedup");
    TestDirs.deleteRecursively(dedup);
    TestDirs.deleteRecursively(work.resolve("mixes"));
    for (Path leftover : pipeline.leftovers()) {
      TestDirs.deleteRecursively(leftover);
    }
    boolean overwriting = step.equals("after-move-aside") || step.equals("after-move-in");
    if (overwriting) { // an output to replace: dedup with other options
      QuarryCliTest.Run old = pipeline.runWithDedup("{threshold: 0.7}", "--until", "dedup");
      assertThat(old.exit()).as(old.err()).isZero();
    }

    SparkSubmitProcess.Running killed = SparkSubmitProcess.start(dir,
        List.of("-D" + OutputDir.HALT_COMMIT + "=" + step,
            "-D" + OutputDir.HALT_COMMIT + ".output=dedup"), env -> { },
        "local[2]", List.of("spark.sql.shuffle.partitions=4"), overwriting
            ? new String[] {"run", pipeline.file("{}").toString(), "--from", "dedup",
                "--overwrite"}
            : new String[] {"run", pipeline.file("{}").toString()});
    int exit = killed.awaitExit();
    String printed = killed.printed();
    assertThat(exit).as(printed).isEqualTo(OutputDir.HALT_STATUS);
    assertThat(printed).contains(OutputDir.HALT_COMMIT + "=" + step + ": halting in the commit "
        + "of file:" + dedup);
    assertThat(work.resolve("mixes")).as("the driver died before the mix").doesNotExist();
    List<Path> leftovers = pipeline.leftovers();
    switch (step) {
      case "after-manifest", "after-success" -> {
        assertThat(dedup).doesNotExist();
        assertThat(leftovers).singleElement().satisfies(temp -> {
          assertThat(temp.resolve("manifest.json")).exists();
          assertThat(Files.exists(temp.resolve("_SUCCESS"))).isEqualTo(
              step.equals("after-success"));
        });
      }
      case "after-move-aside" -> {
        assertThat(dedup).doesNotExist();
        assertThat(leftovers).hasSize(2);
      }
      default -> {
        assertThat(fingerprint(dedup)).as("the new output is in place")
            .isEqualTo(cleanDedupFingerprint);
        assertThat(leftovers).singleElement().satisfies(old -> assertThat(
            old.getFileName().toString()).startsWith(".dedup.quarry-old-"));
      }
    }

    QuarryCliTest.Run next = pipeline.run();
    assertThat(next.exit()).as(next.err()).isZero();
    assertThat(next.out()).contains("mix: created faults@v0001");
    if (step.equals("after-move-in")) {
      assertThat(next.out()).contains("dedup: file:" + dedup + " is up to date");
    } else {
      assertThat(next.out()).contains("dedup: 266 records in");
    }
    assertThat(fingerprint(dedup)).isEqualTo(cleanDedupFingerprint);
    assertThat(MixFiles.checksums(work.resolve("mixes/faults/v0001")))
        .as("every shard and index file, vs the clean run").isEqualTo(cleanMix);
    PipelineAccounting.check(work, "warc", "jsonl");
  }

  private static String fingerprint(Path output) {
    assertThat(output.resolve("_SUCCESS")).exists();
    return PipelineAccounting.manifest(output).path("fingerprint").asText();
  }
}
