package dev.quarry.mixes.spark;

import static org.apache.spark.sql.functions.col;

import dev.quarry.core.MappedIterator;
import dev.quarry.core.spark.DocumentSchema;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Places every copy in the mix: the copies in ascending order key (the global shuffle), each
 * with its offset in tokens from the start of the mix, and the shard it starts in. A shard
 * holds the documents that start in its span of {@code tokens_per_shard} tokens (documents are
 * never split, so a shard ends with the first document that reaches its span's end); spans no
 * document starts in are skipped, so shards are numbered 0, 1, 2, … without gaps. Offsets come
 * from the global order alone, whatever the partitioning: each partition of the sorted copies
 * adds the totals of the partitions before it.
 */
final class ShardAssignment {
  private ShardAssignment() {}

  /**
   * The copies in mix order, each row (source, id, epoch, token_count, mix offset, position),
   * and where the shards start.
   *
   * @param sorted the copies sorted by order key, persisted for the passes over them: the
   *     caller unpersists it when done with {@code placed}
   * @param shardStarts the mix offset of each shard's first document, ascending
   */
  record Result(JavaRDD<Row> sorted, JavaRDD<Row> placed, long[] shardStarts) {
    int shards() {
      return shardStarts.length;
    }

    /** The shard of a document that starts at {@code offset}. */
    static int shardOf(long[] shardStarts, long offset) {
      int found = Arrays.binarySearch(shardStarts, offset);
      return found >= 0 ? found : -found - 2;
    }
  }

  static Result assign(Dataset<Row> copies, long tokensPerShard) {
    copies.sparkSession().sparkContext().setJobDescription("mix: order the documents");
    JavaRDD<Row> sorted = copies.orderBy(col(Sampling.ORDER), col(TokenizedDocuments.SOURCE),
            col(DocumentSchema.ID), col(Sampling.EPOCH))
        .javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
    // collect() returns the partitions' results in partition order.
    List<Long> totals = sorted.mapPartitions(rows -> {
      long total = 0;
      while (rows.hasNext()) {
        total += rows.next().getInt(3);
      }
      return List.of(total).iterator();
    }).collect();
    long[] partitionStarts = new long[totals.size()];
    for (int p = 1; p < partitionStarts.length; p++) {
      partitionStarts[p] = partitionStarts[p - 1] + totals.get(p - 1);
    }
    JavaRDD<Row> placed = sorted.mapPartitionsWithIndex(new Place(partitionStarts), true);
    copies.sparkSession().sparkContext().setJobDescription("mix: find the shards");
    // A shard starts at the first document that starts in each span that any document does.
    long[] shardStarts = placed.mapToPair(row -> new Tuple2<>(row.getLong(4) / tokensPerShard,
            row.getLong(4))).reduceByKey(Math::min).values().collect().stream()
        .mapToLong(Long::longValue).sorted().toArray();
    return new Result(sorted, placed, shardStarts);
  }

  /** Adds each row's mix offset: its partition's start plus the rows before it. */
  private static final class Place
      implements org.apache.spark.api.java.function.Function2<Integer, Iterator<Row>,
          Iterator<Row>> {
    private static final long serialVersionUID = 1L;
    private final long[] partitionStarts;

    Place(long[] partitionStarts) {
      this.partitionStarts = partitionStarts;
    }

    @Override
    public Iterator<Row> call(Integer index, Iterator<Row> rows) {
      long[] offset = {partitionStarts[index]};
      return MappedIterator.of(rows, row -> {
        Row placed = RowFactory.create(row.getInt(0), row.getString(1), row.getInt(2),
            row.getInt(3), offset[0], row.getLong(5));
        offset[0] += row.getInt(3);
        return placed;
      });
    }
  }
}
