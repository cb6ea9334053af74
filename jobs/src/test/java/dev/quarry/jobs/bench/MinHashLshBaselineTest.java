package dev.quarry.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.core.Document;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.spark.CommittedDocuments;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.core.text.WordShingles;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.minhash.LshParameters;
import dev.quarry.ingest.InputFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinHashLshBaselineTest {
  @TempDir
  Path dir;

  @Test
  void hashTablesMatchTheBandingsCandidateProbabilityAtTheThreshold() {
    // Defaults, 16 bands × 8 rows at 0.8: P(0.8) = 1 − (1 − 0.8^8)^16 = 1 − 0.83223^16
    // = 1 − 0.0530 = 0.947. MLlib: T = 1 → 1 − 0.2 = 0.8 (short), T = 2 → 1 − 0.04 = 0.96.
    assertThat(DedupOptions.defaults().lsh()).isEqualTo(LshParameters.of(16, 8, 0.8, 128));
    assertThat(MinHashLshBaseline.hashTables(DedupOptions.defaults().lsh())).isEqualTo(2);
    // 8 × 16 at 0.8: P(0.8) = 1 − (1 − 0.8^16)^8 = 1 − 0.97185^8 = 0.204, below T = 1's 0.8.
    assertThat(MinHashLshBaseline.hashTables(LshParameters.of(8, 16, 0.8, 128))).isEqualTo(1);
    // 64 × 2 at 0.5: P(0.5) = 1 − 0.75^64 = 1 − 1.009e-8; 0.5^T ≤ 1.009e-8 needs
    // T ≥ 64 · log2(4/3) = 26.56, so 27.
    assertThat(MinHashLshBaseline.hashTables(LshParameters.of(64, 2, 0.5, 128))).isEqualTo(27);
  }

  @Test
  void shingleHashesBecomeSortedDistinctIndicesBelowThePrime() {
    int size = MinHashLshBaseline.VECTOR_SIZE;
    assertThat(size).isEqualTo(2038074742);
    int[] indices = MinHashLshBaseline.indices(new long[] {-1, 0, size, 5, Long.MIN_VALUE,
        Long.MAX_VALUE});
    // 0 and size fall on one index; Long.MIN_VALUE and MAX_VALUE on two others.
    assertThat(indices).hasSize(5).isSorted().doesNotHaveDuplicates().contains(0, 5, size - 1)
        .contains(Math.floorMod(Long.MIN_VALUE, size), Math.floorMod(Long.MAX_VALUE, size));
    assertThat(indices[4]).isEqualTo(size - 1);
  }

  @Test
  void readsParquetDocumentsOnly() {
    Baseline baseline = new MinHashLshBaseline();
    baseline.check(InputFormat.PARQUET);
    assertThatThrownBy(() -> baseline.check(InputFormat.WARC))
        .isInstanceOf(ConfigException.class)
        .hasMessage("command line: --baseline: mllib-minhash-lsh reads Parquet document "
            + "datasets only, and the input is warc");
  }

  @Test
  void findsTheNearDuplicatePairAndWritesIt() {
    SparkSession spark = TestSpark.session();
    Random random = new Random(11);
    List<String> original = words(random, 300);
    List<String> near = new ArrayList<>(original);
    for (int at : new int[] {50, 150, 250}) {
      near.set(at, "replaced");
    }
    String a = String.join(" ", original);
    String b = String.join(" ", near);
    double similarity = WordShingles.jaccard(a, b, 5);
    assertThat(similarity).isBetween(0.88, 0.92);
    List<Document> docs = List.of(doc("d1", a), doc("d2", String.join(" ", words(random, 300))),
        doc("d3", b), doc("d4", String.join(" ", words(random, 200))), doc("d5", "Too short."));
    String input = CommittedDocuments.write(spark, dir.resolve("docs").toString(), docs);
    BenchInput in = BenchInputs.resolve(spark.sparkContext().hadoopConfiguration(),
        List.of(input), InputFormat.PARQUET);
    String output = dir.resolve("pairs").toString();

    Measured measured = new MinHashLshBaseline().run(spark, in, output);

    Dataset<Row> pairs = spark.read().parquet(output);
    assertThat(pairs.columns()).containsExactly("id_a", "id_b", "distance");
    List<Row> rows = pairs.collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(0)).isEqualTo("d1");
    assertThat(rows.get(0).getString(1)).isEqualTo("d3");
    assertThat(rows.get(0).getDouble(2)).isCloseTo(1 - similarity, within(1e-9));
    assertThat(measured.recordsIn()).isEqualTo(5);
    assertThat(measured.kept()).isEqualTo(4);
    assertThat(measured.rejected()).isEqualTo(1);
    assertThat(measured.errors()).isZero();
    assertThat(measured.extra()).containsEntry("pairs", 1L).containsEntry("hash_tables", 2L)
        .containsEntry("too_short", 1L);
  }

  /** Random lower-case words (no digits: shingling folds them all to 0). */
  private static List<String> words(Random random, int count) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder word = new StringBuilder();
      for (int c = 3 + random.nextInt(6); c > 0; c--) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      words.add(word.toString());
    }
    return words;
  }

  private static Document doc(String id, String text) {
    return new Document(id, text, "https://example.com/" + id, "test", null, "test:" + id,
        null, Instant.parse("2026-01-01T00:00:00Z"), "en", 1.0, null, null);
  }
}
