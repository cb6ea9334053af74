package dev.quarry.dedup.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.spark.TestSpark;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class LocalClusterJoinTest {
  private static JavaSparkContext context;

  @BeforeAll
  static void spark() {
    context = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
  }

  private static final StructType CLUSTER_COLUMNS = new StructType()
      .add("cluster_id", DataTypes.StringType).add("kept", DataTypes.BooleanType);

  /** Documents (id, text) in three partitions: a, b | c, d | e. */
  private static JavaRDD<InternalRow> documents() {
    return internal(context.parallelize(List.of(RowFactory.create("a", "text a"),
        RowFactory.create("b", "text b"), RowFactory.create("c", "text c"),
        RowFactory.create("d", "text d"), RowFactory.create("e", "text e")), 3));
  }

  /** Rows of strings and other values in Spark's own form. */
  private static JavaRDD<InternalRow> internal(JavaRDD<Row> rows) {
    return rows.map(row -> {
      Object[] values = new Object[row.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i) instanceof String s ? UTF8String.fromString(s) : row.get(i);
      }
      return new GenericInternalRow(values);
    });
  }

  private static JavaRDD<InternalRow> clusterRows(Row... rows) {
    return internal(context.parallelize(List.of(rows), Math.min(rows.length, 2)));
  }

  /** Joined rows (id, text, cluster_id, kept) as "id|text|cluster_id|kept". */
  private static List<String> shown(JavaRDD<InternalRow> joined) {
    return joined.map(r -> r.getUTF8String(0) + "|" + r.getUTF8String(1) + "|"
        + (r.isNullAt(2) ? null : r.getUTF8String(2)) + "|"
        + (r.isNullAt(3) ? null : r.getBoolean(3))).collect();
  }

  /** Which partition each document id is in. */
  private static int partitionOf(JavaRDD<InternalRow> docs, String id) {
    List<List<String>> parts = docs.map(r -> r.getUTF8String(0).toString()).glom().collect();
    for (int p = 0; p < parts.size(); p++) {
      if (parts.get(p).contains(id)) {
        return p;
      }
    }
    throw new AssertionError(id + " in no partition");
  }

  @Test
  void eachDocumentGetsItsClusterRowAndTheOthersNulls() {
    JavaRDD<InternalRow> docs = documents();
    JavaRDD<InternalRow> clusters = clusterRows(
        RowFactory.create(partitionOf(docs, "b"), "b", "b", true),
        RowFactory.create(partitionOf(docs, "e"), "e", "b", false));

    List<String> joined = shown(LocalClusterJoin.join(docs, 0, clusters, CLUSTER_COLUMNS, false));

    assertThat(joined).containsExactlyInAnyOrder("a|text a|null|null", "b|text b|b|true",
        "c|text c|null|null", "d|text d|null|null", "e|text e|b|false");
  }

  @Test
  void theDocumentsAreNotShuffledOnlyTheClusterRows() {
    JavaRDD<InternalRow> clusters = clusterRows(RowFactory.create(0, "a", "a", true));

    RDD<InternalRow> joined = LocalClusterJoin.join(documents(), 0, clusters, CLUSTER_COLUMNS,
        false).rdd();

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
    JavaRDD<InternalRow> docs = documents().mapPartitionsWithIndex((index, rows) -> index < 2
        ? rows : failing(), false);
    JavaRDD<InternalRow> clusters = clusterRows(RowFactory.create(0, "a", "a", true));

    assertThat(shown(LocalClusterJoin.join(docs, 0, clusters, CLUSTER_COLUMNS, true)))
        .containsExactly("a|text a|a|true");
  }

  private static java.util.Iterator<InternalRow> failing() {
    return new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        throw new IllegalStateException("partition read");
      }

      @Override
      public InternalRow next() {
        throw new IllegalStateException("partition read");
      }
    };
  }

  @Test
  void aClusterRowWhoseDocumentIsNotInItsPartitionFailsTheTask() {
    JavaRDD<InternalRow> docs = documents();
    assertThat(partitionOf(docs, "a")).isZero();
    // "e" is in the last partition, not the first: the input changed between the two reads.
    JavaRDD<InternalRow> clusters = clusterRows(RowFactory.create(0, "e", "a", false));

    assertThatThrownBy(() -> LocalClusterJoin.join(docs, 0, clusters, CLUSTER_COLUMNS, false)
        .count())
        .isInstanceOf(SparkException.class)
        .hasMessageContaining("document e")
        .hasMessageContaining("the input changed during the job");
  }
}
