package dev.quarry.mixes.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * Every placed copy with its document's tokens, keyed by mix offset — without joining the
 * tokens to the places. A join would shuffle (and sort) every tokenized document once more
 * before the shuffle to the shards; instead the few bytes of each place travel to the
 * partition of the persisted tokenized documents that holds its document (found by the
 * document's {@code position}), sorted by position, and each partition of documents is
 * walked alongside its places: a document with places is emitted once per copy, the others
 * are dropped before any shuffle. The tokens then move once, to their shard.
 */
final class PlacedTokens {
  private PlacedTokens() {}

  /** Where one copy goes: its mix offset and epoch. */
  record Place(long offset, int epoch) implements Serializable {}

  /**
   * (mix offset, row) for every copy, the row as {@link WriteShards} reads it: source, id,
   * epoch, token_count, url, location, tokens.
   *
   * @param tokenized the persisted {@link TokenizedDocuments} the copies were drawn from
   * @param placed rows (source, id, epoch, token_count, mix offset, position)
   */
  static JavaPairRDD<Long, Row> of(Dataset<Row> tokenized, JavaRDD<Row> placed) {
    JavaRDD<Row> documents = tokenized.javaRDD();
    JavaPairRDD<Long, Place> places = placed
        .mapToPair(row -> new Tuple2<>(row.getLong(5), new Place(row.getLong(4), row.getInt(2))))
        .repartitionAndSortWithinPartitions(new ByPartition(documents.getNumPartitions()));
    return documents.zipPartitions(places, new Walk()).mapToPair(pair -> pair);
  }

  /** Sends a place to the partition its document's position names. */
  private static final class ByPartition extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    ByPartition(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object position) {
      return TokenizedDocuments.partitionOf((Long) position);
    }
  }

  /** One partition's documents (ascending position) with its places (ascending position). */
  private static final class Walk
      implements FlatMapFunction2<Iterator<Row>, Iterator<Tuple2<Long, Place>>,
          Tuple2<Long, Row>> {
    private static final long serialVersionUID = 1L;
    private static final int POSITION = TokenizedDocuments.SCHEMA
        .fieldIndex(TokenizedDocuments.POSITION);
    private static final int TOKENS = TokenizedDocuments.SCHEMA
        .fieldIndex(TokenizedDocuments.TOKENS);

    @Override
    public Iterator<Tuple2<Long, Row>> call(Iterator<Row> documents,
        Iterator<Tuple2<Long, Place>> places) {
      return new Iterator<>() {
        private Tuple2<Long, Place> place = places.hasNext() ? places.next() : null;
        private Row document;

        @Override
        public boolean hasNext() {
          if (place == null) {
            return false;
          }
          long wanted = place._1();
          while (document == null || document.getLong(POSITION) < wanted) {
            if (!documents.hasNext()) {
              throw new IllegalStateException("no tokenized document at position "
                  + TokenizedDocuments.partitionOf(wanted) + ":" + (int) wanted + ": the"
                  + " persisted documents are not partitioned as when they were sampled");
            }
            document = documents.next();
          }
          if (document.getLong(POSITION) != wanted) {
            throw new IllegalStateException("no tokenized document at position "
                + TokenizedDocuments.partitionOf(wanted) + ":" + (int) wanted);
          }
          return true;
        }

        @Override
        public Tuple2<Long, Row> next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Place here = place._2();
          place = places.hasNext() ? places.next() : null;
          Row row = RowFactory.create(document.getInt(0), document.getString(1), here.epoch(),
              document.getInt(4), document.getString(2), document.getString(3),
              document.get(TOKENS));
          return new Tuple2<>(here.offset(), row);
        }
      };
    }
  }
}
