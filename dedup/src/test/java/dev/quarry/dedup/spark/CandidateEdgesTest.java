package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.spark.TestSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CandidateEdgesTest {
  static final StructType KEYS = new StructType()
      .add(CandidateEdges.ID, DataTypes.StringType)
      .add(CandidateEdges.BAND, DataTypes.IntegerType)
      .add(CandidateEdges.BUCKET, DataTypes.LongType);
  static final SparkSession spark = TestSpark.session();

  static Dataset<Row> keys(Object[]... rows) {
    return spark.createDataFrame(
        Arrays.stream(rows).map(RowFactory::create).toList(), KEYS);
  }

  /** One bucket in band 0 per size given, its members named {@code b<bucket>-<n>}. */
  static Dataset<Row> bucketsOfSizes(long... sizes) {
    List<Row> buckets = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      buckets.add(RowFactory.create((long) i, sizes[i]));
    }
    return spark.createDataFrame(buckets, new StructType()
            .add(CandidateEdges.BUCKET, DataTypes.LongType).add("size", DataTypes.LongType))
        .select(col(CandidateEdges.BUCKET), explode(sequence(lit(1L), col("size"))).as("n"))
        .select(format_string("b%d-%d", col(CandidateEdges.BUCKET), col("n"))
                .as(CandidateEdges.ID), lit(0).as(CandidateEdges.BAND),
            col(CandidateEdges.BUCKET));
  }

  static List<String> edges(Dataset<Row> keys) {
    return CandidateEdges.edges(keys).orderBy(CandidateEdges.SRC, CandidateEdges.DST)
        .collectAsList().stream().map(r -> r.getString(0) + "-" + r.getString(1)).toList();
  }

  @Test
  void starsFromTheSmallestIdOfEachBucketDistinctOverBands() {
    Dataset<Row> keys = keys(
        new Object[] {"d3", 0, 1L}, new Object[] {"d1", 0, 1L}, new Object[] {"d2", 0, 1L},
        // bucket 1 again, but of band 1: another bucket, whose smallest is d2
        new Object[] {"d2", 1, 1L}, new Object[] {"d3", 1, 1L},
        // d1-d3 again through band 2: one edge
        new Object[] {"d3", 2, 5L}, new Object[] {"d1", 2, 5L},
        new Object[] {"d4", 0, 9L}, new Object[] {"d5", 1, 9L});
    assertThat(edges(keys)).containsExactly("d1-d2", "d1-d3", "d2-d3");
  }

  @Test
  void aBucketIsAStarAndAChainNotAllPairs() {
    Dataset<Row> keys = keys(new Object[] {"c", 3, -7L}, new Object[] {"a", 3, -7L},
        new Object[] {"e", 3, -7L}, new Object[] {"d", 3, -7L}, new Object[] {"b", 3, -7L});
    // 2n - 3 edges for n members: the star from a, and b-c, c-d, d-e (not b-d, b-e, c-e).
    assertThat(edges(keys)).containsExactly("a-b", "a-c", "a-d", "a-e", "b-c", "c-d", "d-e");
  }

  @Test
  void documentsSharingAKeyGetAStarOnlyAndNullKeysShareNothing() {
    Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create("c", "k"),
            RowFactory.create("a", "k"), RowFactory.create("d", "k"),
            RowFactory.create("b", "k"), RowFactory.create("e", null),
            RowFactory.create("f", null)),
        new StructType().add(CandidateEdges.ID, DataTypes.StringType)
            .add("exact", DataTypes.StringType));
    assertThat(CandidateEdges.edgesByKey(rows, "exact")
        .orderBy(CandidateEdges.SRC, CandidateEdges.DST).collectAsList())
        .extracting(r -> r.getString(0) + "-" + r.getString(1))
        .containsExactly("a-b", "a-c", "a-d");
  }

  @Test
  void singletonsEmitNothingAndFillNoSizeClass() {
    Dataset<Row> keys = keys(new Object[] {"a", 0, 1L}, new Object[] {"b", 0, 2L},
        new Object[] {"a", 1, 1L}, new Object[] {"b", 2, 1L});
    assertThat(edges(keys)).isEmpty();
    BucketStats stats = CandidateEdges.stats(keys);
    assertThat(stats.bucketsBySize().values()).containsOnly(0L);
    assertThat(stats.largeBuckets()).isZero();
  }

  @Test
  void histogramCountsBucketsBySizeClassAndAboveTheLargeBound() {
    Dataset<Row> keys = bucketsOfSizes(1, 2, 3, 5, 10, 11, 100, 101, 1_000, 1_001, 10_000,
        10_001);
    BucketStats stats = CandidateEdges.stats(keys);
    assertThat(stats.bucketsBySize()).containsExactly(entry("2", 1L), entry("3-10", 3L),
        entry("11-100", 2L), entry("101-1000", 2L), entry("1001-10000", 2L),
        entry(">10000", 1L));
    assertThat(stats.largeBucketBound()).isEqualTo(10_000);
    assertThat(stats.largeBuckets()).isEqualTo(1);
    assertThat(CandidateEdges.stats(keys, 100).largeBuckets()).isEqualTo(5);
  }

  @Test
  void aBucketOfOneHundredThousandMembersGivesAStarAndAChainNeverAllPairs() {
    Dataset<Row> keys = spark.range(100_000)
        .select(format_string("doc-%06d", col("id")).as(CandidateEdges.ID),
            lit(4).as(CandidateEdges.BAND), lit(42L).as(CandidateEdges.BUCKET));
    Dataset<Row> edges = CandidateEdges.edges(keys);
    assertThat(edges.count()).isEqualTo(99_999 + 99_998);
    assertThat(edges.filter(col(CandidateEdges.SRC).equalTo("doc-000000")).count())
        .isEqualTo(99_999);
    BucketStats stats = CandidateEdges.stats(keys);
    assertThat(stats.bucketsBySize()).containsEntry(">10000", 1L);
    assertThat(stats.largeBuckets()).isEqualTo(1);
  }

  @Test
  void theSameEdgesAndStatsWhateverThePartitioning() {
    Dataset<Row> keys = bucketsOfSizes(1, 2, 3, 12, 40).union(keys(
        new Object[] {"b4-7", 1, 0L}, new Object[] {"b2-1", 1, 0L},
        new Object[] {"b3-9", 1, 0L}));
    List<String> onOne = ShufflePartitions.with(spark, 1, () -> edges(keys.repartition(1)));
    List<String> onMany = ShufflePartitions.with(spark, 5, () -> edges(keys.repartition(7)));
    assertThat(onOne).hasSize(1 + 3 + 21 + 77 + 3).isEqualTo(onMany); // 2n - 3 per bucket
    assertThat(ShufflePartitions.with(spark, 5, () -> CandidateEdges.stats(keys.repartition(7))))
        .isEqualTo(CandidateEdges.stats(keys.repartition(1)));
  }

  @Test
  void sizeClassesFollowEachOtherFromTwoMembersUp() {
    long next = 2;
    for (BucketSizeClass sizes : BucketSizeClass.values()) {
      assertThat(sizes.smallest()).as(sizes.label()).isEqualTo(next);
      next = sizes.largest() + 1;
    }
    assertThat(BucketSizeClass.OVER_TEN_THOUSAND.largest()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aLargeBucketBoundBelowOneIsRefused() {
    assertThatThrownBy(() -> CandidateEdges.stats(keys(), 0))
        .isInstanceOf(ConfigException.class).hasMessageContaining("large_bucket_bound");
  }
}
