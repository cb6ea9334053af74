package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import dev.quarry.core.LookaheadIterator;
import dev.quarry.core.config.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>How: the members are shuffled by bucket and sorted by (bucket, band, id) within each
 * partition (Spark's external sort, which spills), then streamed: the first id of a bucket's run
 * is its smallest, and every later member of the run gives one edge from it. One shuffle, and no
 * task ever holds a bucket's members — a window over (band, bucket) would buffer each bucket's
 * rows in one task, and {@code collect_list} would build them into one array in memory. The
 * 64-bit bucket leads the sort so that Spark's sort compares rows by its prefix alone, almost
 * never by the whole row. The same pass counts the buckets by size ({@link #starsAndCounts}), so
 * the statistics cost no second aggregation over every band key.
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
  private static final String SIZE_CLASS = "size_class";
  private static final String BUCKETS = "buckets";
  /** The size class of the count of buckets above the large-bucket bound. */
  private static final int LARGE_CLASS = -1;
  private static final StructType STARS_AND_COUNTS = new StructType()
      .add(SRC, DataTypes.StringType, true)
      .add(DST, DataTypes.StringType, true)
      .add(SIZE_CLASS, DataTypes.IntegerType, true)
      .add(BUCKETS, DataTypes.LongType, true);

  private CandidateEdges() {}

  /**
   * The distinct star edges ({@value #SRC}, {@value #DST}) over all bands, {@code src < dst}.
   * Lazy: nothing runs until the caller uses them.
   */
  public static Dataset<Row> edges(Dataset<Row> bandKeys) {
    return edgesOf(starsAndCounts(bandKeys, DEFAULT_LARGE_BUCKET_BOUND));
  }

  /**
   * The star edges of the LSH buckets and, in the same pass, the bucket counts: rows of
   * ({@value #SRC}, {@value #DST}, size class, buckets), an edge with the last two null (repeated
   * when two documents share several buckets), a count with the first two null. Read the edges
   * with {@link #edgesOf} and the counts with {@link #statsOf}; a caller that wants both should
   * persist these rows, else each reads the band keys again. Lazy.
   */
  public static Dataset<Row> starsAndCounts(Dataset<Row> bandKeys, long largeBucketBound) {
    Check.positive(largeBucketBound, "large_bucket_bound");
    return stars(members(bandKeys), true, largeBucketBound, BUCKET, BAND);
  }

  /** The distinct edges of {@link #starsAndCounts}' rows. */
  public static Dataset<Row> edgesOf(Dataset<Row> starsAndCounts) {
    return starsAndCounts.filter(col(SRC).isNotNull()).select(col(SRC), col(DST)).distinct();
  }

  /**
   * The same star edges for documents that share a value of {@code keyColumn} (a string key such
   * as the exact-text hash or the normalised URL; null keys share nothing).
   */
  public static Dataset<Row> edgesByKey(Dataset<Row> rows, String keyColumn) {
    return edgesOf(stars(rows.filter(col(keyColumn).isNotNull())
            .select(col(ID).cast(DataTypes.StringType).as(ID), col(keyColumn)), false,
        DEFAULT_LARGE_BUCKET_BOUND, keyColumn));
  }

  private static Dataset<Row> stars(Dataset<Row> members, boolean chain, long largeBucketBound,
      String... keyColumns) {
    Column[] keys = Arrays.stream(keyColumns).map(functions::col).toArray(Column[]::new);
    Column[] keysThenId = Arrays.copyOf(keys, keys.length + 1);
    keysThenId[keys.length] = col(ID);
    Dataset<Row> sorted = members.filter(col(ID).isNotNull()).select(keysThenId)
        .repartition(keys).sortWithinPartitions(keysThenId);
    return members.sparkSession().createDataFrame(sorted.javaRDD().mapPartitions(
        new SortedRunStars(keys.length, chain, largeBucketBound)), STARS_AND_COUNTS);
  }

  /**
   * Star edges from rows sorted by (key columns…, id): each run of equal keys gives an edge from
   * its first id to each later, different one; with {@code chain}, also an edge from each
   * member to the next. After the last row, the partition's runs of two or more rows counted by
   * size class, and those above the large-bucket bound.
   */
  private static final class SortedRunStars implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final int keyColumns;
    private final boolean chain;
    private final long largeBucketBound;

    SortedRunStars(int keyColumns, boolean chain, long largeBucketBound) {
      this.keyColumns = keyColumns;
      this.chain = chain;
      this.largeBucketBound = largeBucketBound;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new LookaheadIterator<>() {
        private Row previous;
        private String smallest;
        private long runLength;
        private Row chainEdge; // the second edge of the last row, given out next
        private final long[] bySizeClass = new long[BucketSizeClass.values().length];
        private long large;
        private Iterator<Row> counts; // once the rows are done

        @Override
        protected Row computeNext() {
          if (chainEdge != null) {
            Row edge = chainEdge;
            chainEdge = null;
            return edge;
          }
          while (counts == null && rows.hasNext()) {
            Row row = rows.next();
            String id = row.getString(keyColumns);
            Row before = previous;
            previous = row;
            if (before == null || !sameKey(before, row)) {
              endRun();
              smallest = id;
              runLength = 1;
              continue;
            }
            runLength++;
            if (!id.equals(smallest)) {
              String beforeId = before.getString(keyColumns);
              if (chain && !beforeId.equals(smallest) && !beforeId.equals(id)) {
                chainEdge = RowFactory.create(beforeId, id, null, null);
              }
              return RowFactory.create(smallest, id, null, null);
            }
          }
          if (counts == null) {
            endRun();
            counts = counts().iterator();
          }
          return counts.hasNext() ? counts.next() : null;
        }

        private void endRun() {
          if (runLength >= 2) {
            bySizeClass[BucketSizeClass.of(runLength).ordinal()]++;
            if (runLength > largeBucketBound) {
              large++;
            }
          }
          runLength = 0;
        }

        private List<Row> counts() {
          List<Row> out = new ArrayList<>();
          for (BucketSizeClass sizes : BucketSizeClass.values()) {
            if (bySizeClass[sizes.ordinal()] > 0) {
              out.add(RowFactory.create(null, null, sizes.ordinal(),
                  bySizeClass[sizes.ordinal()]));
            }
          }
          if (large > 0) {
            out.add(RowFactory.create(null, null, LARGE_CLASS, large));
          }
          return out;
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
   * members. Runs a Spark job over the band keys; see {@link #statsOf} for reading them from
   * rows that also give the edges.
   */
  public static BucketStats stats(Dataset<Row> bandKeys, long largeBucketBound) {
    return statsOf(starsAndCounts(bandKeys, largeBucketBound), largeBucketBound);
  }

  /**
   * The bucket counts of {@link #starsAndCounts}' rows (made with the same bound), summed over
   * partitions: a handful of rows come to the driver. Runs a Spark job.
   */
  public static BucketStats statsOf(Dataset<Row> starsAndCounts, long largeBucketBound) {
    Map<String, Long> bySize = new LinkedHashMap<>();
    for (BucketSizeClass sizes : BucketSizeClass.values()) {
      bySize.put(sizes.label(), 0L);
    }
    long large = 0;
    List<Row> sums;
    try (JobDescription ignored = JobDescription.of(starsAndCounts.sparkSession(),
        "candidate edges: bucket sizes")) {
      sums = starsAndCounts.filter(col(SIZE_CLASS).isNotNull()).groupBy(col(SIZE_CLASS))
          .agg(sum(col(BUCKETS))).collectAsList();
    }
    for (Row row : sums) {
      int sizeClass = row.getInt(0);
      if (sizeClass == LARGE_CLASS) {
        large = row.getLong(1);
      } else {
        bySize.put(BucketSizeClass.values()[sizeClass].label(), row.getLong(1));
      }
    }
    return new BucketStats(bySize, largeBucketBound, large);
  }

  private static Dataset<Row> members(Dataset<Row> bandKeys) {
    return bandKeys.select(col(ID).cast(DataTypes.StringType).as(ID), col(BAND), col(BUCKET));
  }

}
