package dev.quarry.dedup.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.spark.TestSpark;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class LocalClusterJoinTest {
  private static JavaSparkContext context;

  @BeforeAll
  static void spark() {
    context = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
  }

  /** Documents (id, text) in three partitions: a, b | c, d | e. */
  private static JavaRDD<Row> documents() {
    return context.parallelize(List.of(RowFactory.create("a", "text a"),
        RowFactory.create("b", "text b"), RowFactory.create("c", "text c"),
        RowFactory.create("d", "text d"), RowFactory.create("e", "text e")), 3);
  }

  @Test
  void eachDocumentGetsItsClusterRowAndTheOthersNulls() {
    JavaRDD<Row> docs = documents();
    Map<Integer, List<String>> partitionOf = new TreeMap<>();
    List<List<Row>> parts = docs.glom().collect();
    for (int p = 0; p < parts.size(); p++) {
      partitionOf.put(p, parts.get(p).stream().map(r -> r.getString(0)).toList());
    }
    int partOfB = partitionOf.entrySet().stream().filter(e -> e.getValue().contains("b"))
        .findFirst().orElseThrow().getKey();
    int partOfE = partitionOf.entrySet().stream().filter(e -> e.getValue().contains("e"))
        .findFirst().orElseThrow().getKey();
    JavaRDD<Row> clusters = context.parallelize(List.of(
        RowFactory.create(partOfB, "b", "b", true), RowFactory.create(partOfE, "e", "b", false)),
        2);

    List<Row> joined = LocalClusterJoin.join(docs, 0, clusters, 2, false).collect();

    Map<String, String> byId = new TreeMap<>();
    joined.forEach(r -> byId.put(r.getString(0), r.getString(1) + "|" + r.get(2) + "|"
        + r.get(3)));
    assertThat(byId).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "a", "text a|null|null", "b", "text b|b|true", "c", "text c|null|null",
        "d", "text d|null|null", "e", "text e|b|false")));
  }

  @Test
  void theDocumentsAreNotShuffledOnlyTheClusterRows() {
    JavaRDD<Row> clusters = context.parallelize(List.of(RowFactory.create(0, "a", "a", true)));

    RDD<Row> joined = LocalClusterJoin.join(documents(), 0, clusters, 2, false).rdd();

    // Zipped partition by partition with the documents as they were read (no shuffle in their
    // lineage); the one shuffle is of the cluster rows, to the input partition they name.
    var inputs = CollectionConverters.asJava(joined.dependencies());
    assertThat(inputs).hasSize(2);
    assertThat(inputs.get(0).rdd().toDebugString()).doesNotContain("ShuffledRDD");
    assertThat(inputs.get(1).rdd().toDebugString()).contains("ShuffledRDD");
  }

  @Test
  void matchedOnlyGivesTheClusteredDocumentsAndNeverOpensAPartitionWithoutClusterRows() {
    // Reading the last partition fails: matched-only must not open it, as no cluster row is
    // there.
    JavaRDD<Row> docs = documents().mapPartitionsWithIndex((index, rows) -> index < 2 ? rows
        : failing(), false);
    JavaRDD<Row> clusters = context.parallelize(List.of(RowFactory.create(0, "a", "a", true)));

    assertThat(LocalClusterJoin.join(docs, 0, clusters, 2, true).collect())
        .extracting(r -> r.getString(0) + "|" + r.get(2)).containsExactly("a|a");
  }

  private static java.util.Iterator<Row> failing() {
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        throw new IllegalStateException("partition read");
      }

      @Override
      public Row next() {
        throw new IllegalStateException("partition read");
      }
    };
  }

  @Test
  void aClusterRowWhoseDocumentIsNotInItsPartitionFailsTheTask() {
    JavaRDD<Row> docs = documents();
    int partOfA = docs.glom().collect().get(0).get(0).getString(0).equals("a") ? 0 : -1;
    assertThat(partOfA).isZero();
    // "e" is in the last partition, not the first: the input changed between the two reads.
    JavaRDD<Row> clusters = context.parallelize(List.of(RowFactory.create(0, "e", "a", false)));

    assertThatThrownBy(() -> LocalClusterJoin.join(docs, 0, clusters, 2, false).collect())
        .isInstanceOf(SparkException.class)
        .hasMessageContaining("document e")
        .hasMessageContaining("the input changed during the job");
  }
}
