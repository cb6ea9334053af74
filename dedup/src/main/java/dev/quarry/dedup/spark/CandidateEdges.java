package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;

import dev.quarry.core.LookaheadIterator;
import dev.quarry.core.config.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Candidate near-duplicate pairs from LSH band keys. Documents that share a bucket in any band
 * are candidates; each bucket of two or more members becomes a star — an edge from its smallest
 * id to every other member — never all pairs, so a hot bucket of n members costs n - 1 edges,
 * not n²/2. The stars of one bucket connect exactly its members, so connected components over
 * these edges are those over all pairs.
 *
 * <p>LSH buckets also get a chain: an edge from each member to the next by id, at most n - 2
 * more. Edges are verified one by one afterwards, and a star alone gives a member just one
 * chance per band — its similarity to the bucket's smallest member; when that member is a
 * different near-copy of the same original (two edits of one page are less alike than each is
 * to the page), the chain gives it a second one. Exact and URL keys need no verification and
 * get stars only.
 *
 * <p>Input columns: {@value #ID} (document id), {@value #BAND} (int) and {@value #BUCKET} (long),
 * one row per document and band; extra columns are ignored. Ids compare as strings. A row
 * repeated in the input counts twice towards its bucket's size in {@link #stats}, though it
 * never yields a self or repeated edge.
 *
 * <p>How: the members are shuffled by bucket and sorted by (bucket, id) within each partition
 * (Spark's external sort, which spills), then streamed: the first id of a bucket's run is its
 * smallest, and every later member of the run gives one edge from it. One shuffle, and no task
 * ever holds a bucket's members — a window over (band, bucket) would buffer each bucket's rows
 * in one task, and {@code collect_list} would build them into one array in memory.
 */
public final class CandidateEdges {
  public static final String ID = "id";
  public static final String BAND = "band";
  public static final String BUCKET = "bucket";
  /** The smaller id of an edge: the bucket's smallest, or the member before DST. */
  public static final String SRC = "src";
  /** Another member of the bucket. */
  public static final String DST = "dst";
  public static final long DEFAULT_LARGE_BUCKET_BOUND = 10_000;
  private static final StructType EDGES = new StructType()
      .add(SRC, DataTypes.StringType, false)
      .add(DST, DataTypes.StringType, false);
  private static final String SIZE = "size";
  private static final String LARGE = "large";

  private CandidateEdges() {}

  /**
   * The distinct star edges ({@value #SRC}, {@value #DST}) over all bands, {@code src < dst}.
   * Lazy: nothing runs until the caller uses them.
   */
  public static Dataset<Row> edges(Dataset<Row> bandKeys) {
    return stars(members(bandKeys), true, BAND, BUCKET);
  }

  /**
   * The same star edges for documents that share a value of {@code keyColumn} (a string key such
   * as the exact-text hash or the normalised URL; null keys share nothing).
   */
  public static Dataset<Row> edgesByKey(Dataset<Row> rows, String keyColumn) {
    return stars(rows.filter(col(keyColumn).isNotNull())
        .select(col(ID).cast(DataTypes.StringType).as(ID), col(keyColumn)), false, keyColumn);
  }

  private static Dataset<Row> stars(Dataset<Row> members, boolean chain, String... keyColumns) {
    Column[] keys = Arrays.stream(keyColumns).map(functions::col).toArray(Column[]::new);
    Column[] keysThenId = Arrays.copyOf(keys, keys.length + 1);
    keysThenId[keys.length] = col(ID);
    Dataset<Row> sorted = members.filter(col(ID).isNotNull()).select(keysThenId)
        .repartition(keys).sortWithinPartitions(keysThenId);
    return members.sparkSession().createDataFrame(sorted.javaRDD().mapPartitions(
            new SortedRunStars(keys.length, chain)), EDGES)
        .distinct();
  }

  /**
   * Star edges from rows sorted by (key columns…, id): each run of equal keys gives an edge from
   * its first id to each later, different one; with {@code chain}, also an edge from each
   * member to the next.
   */
  private static final class SortedRunStars implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final int keyColumns;
    private final boolean chain;

    SortedRunStars(int keyColumns, boolean chain) {
      this.keyColumns = keyColumns;
      this.chain = chain;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new LookaheadIterator<>() {
        private Row previous;
        private String smallest;
        private Row chainEdge; // the second edge of the last row, given out next

        @Override
        protected Row computeNext() {
          if (chainEdge != null) {
            Row edge = chainEdge;
            chainEdge = null;
            return edge;
          }
          while (rows.hasNext()) {
            Row row = rows.next();
            String id = row.getString(keyColumns);
            Row before = previous;
            previous = row;
            if (before == null || !sameKey(before, row)) {
              smallest = id;
            } else if (!id.equals(smallest)) {
              String beforeId = before.getString(keyColumns);
              if (chain && !beforeId.equals(smallest) && !beforeId.equals(id)) {
                chainEdge = RowFactory.create(beforeId, id);
              }
              return RowFactory.create(smallest, id);
            }
          }
          return null;
        }
      };
    }

    private boolean sameKey(Row a, Row b) {
      for (int i = 0; i < keyColumns; i++) {
        if (!Objects.equals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@link #stats(Dataset, long)} with the default large-bucket bound. */
  public static BucketStats stats(Dataset<Row> bandKeys) {
    return stats(bandKeys, DEFAULT_LARGE_BUCKET_BOUND);
  }

  /**
   * The bucket-size histogram and the number of buckets with more than {@code largeBucketBound}
   * members, in one aggregation that brings a single row to the driver. Runs a Spark job; a
   * caller that also builds {@link #edges} reads the keys twice and may want them persisted.
   */
  public static BucketStats stats(Dataset<Row> bandKeys, long largeBucketBound) {
    Check.positive(largeBucketBound, "large_bucket_bound");
    List<Column> counts = new ArrayList<>(BucketSizeClass.counts(col(SIZE)));
    counts.add(count_if(col(SIZE).gt(largeBucketBound)).as(LARGE));
    Row row;
    try (JobDescription ignored = JobDescription.of(bandKeys.sparkSession(),
        "candidate edges: bucket sizes")) {
      row = buckets(members(bandKeys))
          .agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new))
          .first();
    }
    return new BucketStats(BucketSizeClass.histogram(row), largeBucketBound,
        row.getLong(row.fieldIndex(LARGE)));
  }

  private static Dataset<Row> members(Dataset<Row> bandKeys) {
    return bandKeys.select(col(ID).cast(DataTypes.StringType).as(ID), col(BAND), col(BUCKET));
  }

  /** One row per (band, bucket): its number of members (null ids aside). */
  private static Dataset<Row> buckets(Dataset<Row> members) {
    return members.groupBy(col(BAND), col(BUCKET)).agg(count(col(ID)).as(SIZE));
  }
}
