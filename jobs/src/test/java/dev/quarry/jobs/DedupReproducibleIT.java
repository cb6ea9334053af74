package dev.quarry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input and options give the same kept documents and the same cluster table whatever
 * the parallelism: {@code quarry dedup} under spark-submit with {@code local[1]} and one shuffle
 * partition, {@code local[2]} with Spark's default 200, and {@code local[2]} with 7 and
 * adaptive execution asked for (the job runs its own plans without it), on the sample pages
 * (11 exact and 10 near duplicates planted).
 */
class DedupReproducibleIT {
  @TempDir
  Path dir;

  @Test
  void keptIdsAndClustersDoNotDependOnParallelism() throws Exception {
    Path pages = dir.resolve("pages");
    SparkSubmitProcess.run(dir, "local[2]", List.of(), "ingest", "--input",
        Path.of("..", "samples", "jsonl").toAbsolutePath() + "/*.jsonl", "--format", "jsonl",
        "--source", "sample", "--output", pages.toString());
    String[][] runs = {
        {"local[1]", "spark.sql.shuffle.partitions=1"},
        {"local[2]", "spark.sql.shuffle.partitions=200"},
        {"local[2]", "spark.sql.shuffle.partitions=7", "spark.sql.adaptive.enabled=true"}};
    String firstKept = null;
    String firstClusters = null;
    for (int i = 0; i < runs.length; i++) {
      Path out = dir.resolve("dedup-" + i);
      String printed = SparkSubmitProcess.run(dir, runs[i][0],
          List.of(runs[i]).subList(1, runs[i].length), "dedup", "--input", pages.toString(),
          "--output", out.toString());
      assertThat(printed).contains("dedup: threshold 0.80, 128 hashes as 16 bands × 8 rows")
          .contains("dedup: 160 records in");
      String kept = sortedLines(out, "kept-ids", "select id, cluster_id, dup_count from "
          + "read_parquet('" + out + "/*.parquet')");
      String clusters = sortedLines(out, "clusters", "select * from read_parquet('" + out
          + "/_clusters/*.parquet')");
      assertThat(clusters.lines().count()).as("members of duplicate clusters")
          .isGreaterThanOrEqualTo(22);
      if (i == 0) {
        firstKept = kept;
        firstClusters = clusters;
      } else {
        assertThat(kept).as("kept ids, run %d vs run 0", i).isEqualTo(firstKept);
        assertThat(clusters).as("cluster table, run %d vs run 0", i).isEqualTo(firstClusters);
      }
    }
  }

  /** The query's rows as sorted text lines (DuckDB reads the Parquet the runs wrote). */
  private static String sortedLines(Path dir, String name, String query) throws IOException {
    try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var statement = connection.createStatement();
        var rows = statement.executeQuery(query)) {
      StringBuilder out = new StringBuilder();
      java.util.List<String> lines = new java.util.ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        StringBuilder line = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          line.append(rows.getString(c)).append('\t');
        }
        lines.add(line.toString());
      }
      lines.stream().sorted().forEach(l -> out.append(l).append('\n'));
      Files.writeString(dir.resolve(name + ".tsv"), out);
      return out.toString();
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }
}
