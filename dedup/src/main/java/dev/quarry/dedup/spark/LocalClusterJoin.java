package dev.quarry.dedup.spark;

import dev.quarry.core.LookaheadIterator;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Tuple2;

/**
 * The removal join: each document with its row of the cluster table (or none), joined partition
 * by partition without moving the documents.
 *
 * <p>The keys pass records, for every document, the index of the input partition it was read
 * from. The cluster table — one small row per document that has a duplicate — is sent to those
 * partitions (a shuffle of the cluster rows only), and the same input partitions are read again
 * and zipped with their share: each task puts its partition's cluster rows in a hash map by id
 * and streams its documents past it. The documents' text is never shuffled and no task holds
 * more than its own partition's cluster rows, so removing the duplicates of a 10 TB crawl costs
 * one more read of it, however many duplicates there are; nothing is broadcast.
 *
 * <p>Both reads must be of the same RDD, so that partition k is the same file split both times.
 * If the input changed in between (a file rewritten under the job), some cluster row finds no
 * document in its partition and the task fails, naming the id, rather than keeping a duplicate
 * silently.
 */
final class LocalClusterJoin {
  private LocalClusterJoin() {}

  /**
   * Every row of {@code documents} followed by the cluster columns of its id — the values of
   * {@code clusters} from {@code clusterColumns}, all null for a document not in the table.
   * Spark's own rows throughout ({@link dev.quarry.core.spark.InternalRows}): a document's
   * columns pass through as they were read.
   *
   * @param documents the documents, the same RDD the keys pass read
   * @param idIndex the position of the id in a document row
   * @param clusters rows of (partition, id, cluster columns…), partition being the document's
   *     input partition, one row per document in a cluster
   * @param clusterColumns the cluster columns that follow the id in a cluster row
   * @param matchedOnly whether to return only the documents that have a cluster row (an inner
   *     join): a partition with no cluster row is then not read at all
   */
  static JavaRDD<InternalRow> join(JavaRDD<InternalRow> documents, int idIndex,
      JavaRDD<InternalRow> clusters, StructType clusterColumns, boolean matchedOnly) {
    int partitions = documents.getNumPartitions();
    JavaRDD<InternalRow> byPartition = clusters
        .mapToPair(row -> new Tuple2<>(row.getInt(0), row.copy())) // the reader reuses rows
        .partitionBy(new ByIndex(partitions))
        .values();
    DataType[] types = Arrays.stream(clusterColumns.fields()).map(StructField::dataType)
        .toArray(DataType[]::new);
    return documents.zipPartitions(byPartition, new Attach(idIndex, types, matchedOnly));
  }

  /** The schema of the joined rows: the documents' fields, then the cluster columns'. */
  static StructType schema(StructType documents, StructType clusterColumns) {
    StructType out = documents;
    for (var field : clusterColumns.fields()) {
      out = out.add(field.name(), field.dataType(), true);
    }
    return out;
  }

  /** Sends key k to partition k: the rows of input partition k go to task k. */
  static final class ByIndex extends FixedPartitioner {
    private static final long serialVersionUID = 1L;

    ByIndex(int partitions) {
      super(partitions);
    }

    @Override
    public int getPartition(Object key) {
      int index = (Integer) key;
      if (index < 0 || index >= numPartitions()) {
        throw new IllegalStateException("a cluster row names input partition " + index
            + " but the input has " + numPartitions() + ": the input changed during the job");
      }
      return index;
    }
  }

  /** One task's join: its cluster rows in a map by id, its documents streamed past it. */
  private static final class Attach
      implements FlatMapFunction2<Iterator<InternalRow>, Iterator<InternalRow>, InternalRow> {
    private static final long serialVersionUID = 1L;
    private final int idIndex;
    private final DataType[] clusterTypes;
    private final boolean matchedOnly;

    Attach(int idIndex, DataType[] clusterTypes, boolean matchedOnly) {
      this.idIndex = idIndex;
      this.clusterTypes = clusterTypes;
      this.matchedOnly = matchedOnly;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> documents,
        Iterator<InternalRow> clusters) {
      Map<UTF8String, Cluster> byId = new HashMap<>();
      while (clusters.hasNext()) {
        InternalRow row = clusters.next(); // a copy: see join
        Object[] values = new Object[clusterTypes.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = row.get(2 + i, clusterTypes[i]);
        }
        byId.put(row.getUTF8String(1), new Cluster(new GenericInternalRow(values)));
      }
      if (matchedOnly && byId.isEmpty()) {
        return Collections.emptyIterator(); // the documents are never opened
      }
      InternalRow none = new GenericInternalRow(clusterTypes.length);
      return new LookaheadIterator<>() {
        private int matched;

        @Override
        protected InternalRow computeNext() {
          while (documents.hasNext()) {
            InternalRow document = documents.next();
            Cluster cluster = byId.get(document.getUTF8String(idIndex));
            if (cluster == null && matchedOnly) {
              continue;
            }
            if (cluster != null && !cluster.matched) {
              cluster.matched = true;
              matched++;
            }
            // Handed on before the next document is read, as a reused row must be.
            return new JoinedRow(document, cluster == null ? none : cluster.values);
          }
          return null;
        }

        @Override
        protected void onEnd() {
          if (matched < byId.size()) {
            UTF8String missing = byId.entrySet().stream().filter(e -> !e.getValue().matched)
                .findFirst().orElseThrow().getKey();
            throw new IllegalStateException("document " + missing + " (and "
                + (byId.size() - matched - 1) + " more) was read from this input "
                + "partition by the keys pass but is not in it now: the input changed during "
                + "the job; run dedup again on an input that nothing rewrites meanwhile");
          }
        }
      };
    }
  }

  /** A document's cluster columns, and whether the partition has shown the document yet. */
  private static final class Cluster {
    final InternalRow values;
    boolean matched;

    Cluster(InternalRow values) {
      this.values = values;
    }
  }
}
