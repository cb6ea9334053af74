package dev.quarry.jobs.cli;

import static dev.quarry.jobs.cli.QuarryCliTest.quarry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Document;
import dev.quarry.core.spark.CommittedDocuments;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.jobs.cli.QuarryCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry mix ...} as a user runs it: create, list, show, diff, verify, trace. */
class MixCommandTest {
  @TempDir
  static Path dir;
  static Path spec;

  @BeforeAll
  static void aDatasetAndASpec() throws Exception {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      docs.add(new Document("doc-" + i, ("Sentence number " + i + " of a page. ").repeat(5 + i),
          "https://example.org/" + i, "test", "TEST", "raw.warc.gz#" + (1000 * i), null, null,
          "eng", 0.9, Map.of(), null));
    }
    CommittedDocuments.write(TestSpark.session(), dir.resolve("docs").toString(), docs);
    spec = Files.writeString(dir.resolve("mix.yaml"), """
        name: cli-mix
        tokenizer: cl100k_base
        formats: [megatron, olmo]
        tokens_per_shard: 1000
        sources:
          - {name: pages, input: "${data}/docs", tokens: 2000}
        """);
  }

  @Test
  void createListShowDiffVerifyAndTrace() throws Exception {
    String root = dir.resolve("mixes").toString();
    Run created = quarry("mix", "create", spec.toString(), "--root", root, "--var",
        "data=" + dir);
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.out()).contains("mix: created cli-mix@v0001 at ");
    Run again = quarry("mix", "create", spec.toString(), "--root", root, "--var",
        "data=" + dir);
    assertThat(again.out()).contains("mix: created cli-mix@v0002");

    Run list = quarry("mix", "list", "--root", root);
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("cli-mix@v0001  ").contains("cli-mix@v0002  ");

    Run show = quarry("mix", "show", "cli-mix@v0001", "--root", root);
    assertThat(show.out()).contains("\"spec_sha256\"").contains("\"vocabulary_sha256\"");

    Run diff = quarry("mix", "diff", "cli-mix@1", "cli-mix@2", "--root", root);
    assertThat(diff.out().strip()).isEqualTo(
        "total tokens " + String.format("%,d", tokensOf(show.out())) + " -> "
            + String.format("%,d", tokensOf(show.out())) + " (+0)");

    Run verify = quarry("mix", "verify", root + "/cli-mix/v0001");
    assertThat(verify.exit()).as(verify.out()).isZero();
    assertThat(verify.out()).endsWith(": OK\n");

    Run trace = quarry("mix", "trace", "cli-mix", "--root", root, "--shard", "0", "--token",
        "3");
    assertThat(trace.exit()).as(trace.err()).isZero();
    assertThat(trace.out()).contains("source:   pages (epoch 0)")
        .contains("location: raw.warc.gz#");

    Path idx = dir.resolve("mixes/cli-mix/v0001/megatron/shard-00000.idx");
    byte[] bytes = Files.readAllBytes(idx);
    bytes[0] = 'X';
    Files.write(idx, bytes);
    Run broken = quarry("mix", "verify", root + "/cli-mix/v0001");
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out()).contains("megatron/shard-00000.idx has SHA-256")
        .contains("magic");
  }

  @Test
  void mistakesExitTwoAndSayWhatToChange() {
    String root = dir.resolve("mixes-bad").toString();
    Run noVar = quarry("mix", "create", spec.toString(), "--root", root);
    assertThat(noVar.exit()).isEqualTo(2);
    assertThat(noVar.err()).contains("sources[0].input").contains("--var");
    Run tooMuch = quarry("mix", "create", spec.toString(), "--root", root, "--var",
        "data=" + dir, "--spark-conf", "x=y");
    assertThat(tooMuch.exit()).isZero(); // a setting Spark ignores is no mistake
    Run noSuch = quarry("mix", "show", "nothing@v0009", "--root", root);
    assertThat(noSuch.exit()).isEqualTo(2);
    assertThat(noSuch.err()).contains("there is no nothing@v0009");
    Run badTrace = quarry("mix", "trace", "cli-mix@1", "--root", root, "--shard", "99",
        "--token", "0");
    assertThat(badTrace.exit()).isEqualTo(2);
    assertThat(badTrace.err()).contains("--shard");
  }

  /**
   * The registry commands run no Spark session, yet under spark-submit they see its
   * {@code --conf spark.hadoop.*} settings (system properties in the driver), as Spark's jobs do:
   * an s3a:// root with a custom endpoint must be readable by {@code mix verify} too.
   */
  @Test
  void registryCommandsApplySparkSubmitsHadoopSettings() {
    System.setProperty("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9");
    try {
      assertThat(MixCommand.hadoopConf().get("fs.s3a.endpoint")).isEqualTo("http://127.0.0.1:9");
    } finally {
      System.clearProperty("spark.hadoop.fs.s3a.endpoint");
    }
    assertThat(MixCommand.hadoopConf().get("fs.s3a.endpoint")).isNotEqualTo("http://127.0.0.1:9");
  }

  private static long tokensOf(String manifest) throws Exception {
    return dev.quarry.core.config.Json.mapper().readTree(manifest).path("totals").path("tokens")
        .asLong();
  }
}
