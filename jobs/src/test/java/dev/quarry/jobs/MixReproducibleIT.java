package dev.quarry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same spec over the same inputs gives byte-identical shards and index whatever the
 * parallelism: {@code quarry mix create} under spark-submit with {@code local[1]} and one
 * shuffle partition, {@code local[2]} with Spark's default 200, and {@code local[2]} with 7 and
 * adaptive execution, over the ingested sample pages.
 */
class MixReproducibleIT {
  @TempDir
  Path dir;

  @Test
  void shardsAndIndexDoNotDependOnParallelism() throws Exception {
    Path pages = dir.resolve("pages");
    SparkSubmitProcess.run(dir, "local[2]", List.of(), "ingest", "--input",
        Path.of("..", "samples", "jsonl").toAbsolutePath() + "/*.jsonl", "--format", "jsonl",
        "--source", "sample", "--output", pages.toString());
    Path spec = Files.writeString(dir.resolve("mix.yaml"), """
        name: it-mix
        tokenizer: r50k_base
        formats: [megatron, olmo]
        tokens_per_shard: 20000
        seed: 5
        sources:
          - {name: pages, input: "%s", tokens: 60000, max_epochs: 3}
          - {name: short, input: "%s", filter: "length(text) < 2000", tokens: 5000,
             max_epochs: 5}
        """.formatted(pages, pages));
    String[][] runs = {
        {"local[1]", "spark.sql.shuffle.partitions=1"},
        {"local[2]", "spark.sql.shuffle.partitions=200"},
        {"local[2]", "spark.sql.shuffle.partitions=7", "spark.sql.adaptive.enabled=true"}};
    Path root = dir.resolve("mixes");
    List<String> first = null;
    for (int i = 0; i < runs.length; i++) {
      String printed = SparkSubmitProcess.run(dir, runs[i][0],
          List.of(runs[i]).subList(1, runs[i].length), "mix", "create", spec.toString(),
          "--root", root.toString());
      assertThat(printed).contains("mix: created it-mix@v000" + (i + 1))
          // jtokkit is relocated with JtokkitPieces in the shaded jar, so the Spark classpath's
          // own jtokkit cannot put them in two class loaders (the slow fallback).
          .doesNotContain("internals are out of reach");
      List<String> files = MixFiles.checksums(root.resolve("it-mix/v000" + (i + 1)));
      assertThat(files).as("data files of run %d", i).hasSizeGreaterThan(5);
      if (i == 0) {
        first = files;
      } else {
        assertThat(files).as("SHA-256 of every shard and index file, run %d vs run 0", i)
            .isEqualTo(first);
      }
    }
  }
}
