package dev.quarry.jobs.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;

import dev.quarry.core.MappedIterator;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.minhash.LshParameters;
import dev.quarry.dedup.minhash.Shingler;
import dev.quarry.ingest.InputFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Spark MLlib's {@code MinHashLSH.approxSimilarityJoin} on the dedup stage's input, at the
 * dedup defaults' threshold t (0.8): the off-the-shelf way to find near-duplicate pairs.
 *
 * <p>Features: each document's shingles as our dedup computes them ({@link Shingler} of the
 * defaults' n-gram size: sorted, distinct 64-bit hashes), each hash mapped to an index in
 * [0, {@value #VECTOR_SIZE}) by {@code floorMod}, deduplicated, as a binary sparse vector of
 * that size. MLlib hashes index i as ((1 + i)·a + b) mod {@value #HASH_PRIME} and refuses
 * vectors larger than that prime, so the indices stay below prime − 1. A document without
 * shingles (too short) is left out, as our MinHash leaves it out (ours still finds its exact
 * copies; this baseline does not); they are counted as {@code too_short}.
 *
 * <p>Hash tables: MLlib ORs single MinHash values, so a pair of Jaccard similarity s becomes a
 * candidate with probability 1 − (1 − s)<sup>T</sup>; our b bands of r rows give
 * P(s) = 1 − (1 − s<sup>r</sup>)<sup>b</sup>. T is the smallest with
 * 1 − (1 − t)<sup>T</sup> ≥ P(t), so MLlib misses no more pairs at the threshold than we do.
 * With the defaults (16 × 8 at 0.8): P(0.8) = 1 − (1 − 0.8<sup>8</sup>)<sup>16</sup> ≈ 0.947,
 * and T = 1 gives 0.8, T = 2 gives 0.96, so T = 2. MLlib then computes every candidate's exact
 * Jaccard distance and keeps those strictly below 1 − t (ours verifies by the signatures'
 * estimate), so more tables would only cost time.
 *
 * <p>Output: the pairs with id_a &lt; id_b as Parquet ({@code id_a}, {@code id_b},
 * {@code distance}), for recall against a ground truth. Kept is an approximation, as there are
 * no connected components: every document minus those that are the larger id of some pair.
 * Extra: {@code pairs}, {@code hash_tables} (T), {@code too_short}.
 */
public final class MinHashLshBaseline implements Baseline {
  /** MLlib's {@code MinHashLSH.HASH_PRIME}, which Spark keeps private. */
  static final int HASH_PRIME = 2038074743;
  /**
   * The vector size: indices below prime − 1, so 1 + i is a nonzero residue and each hash
   * (1 + i)·a + b mod prime maps distinct indices to distinct values.
   */
  static final int VECTOR_SIZE = HASH_PRIME - 1;
  static final String ID_A = "id_a";
  static final String ID_B = "id_b";
  static final String DISTANCE = "distance";

  private static final String FEATURES = "features";
  private static final StructType FEATURE_SCHEMA = new StructType()
      .add(DocumentSchema.ID, DataTypes.StringType, false)
      .add(FEATURES, SQLDataTypes.VectorType(), true);
  private static final StructType PAIR_SCHEMA = new StructType()
      .add(ID_A, DataTypes.StringType, false)
      .add(ID_B, DataTypes.StringType, false)
      .add(DISTANCE, DataTypes.DoubleType, false);

  private final DedupOptions options = DedupOptions.defaults();

  @Override
  public String name() {
    return "mllib-minhash-lsh";
  }

  @Override
  public String description() {
    return "Spark MLlib's MinHashLSH similarity self-join on our shingles at the dedup "
        + "threshold (Parquet documents)";
  }

  @Override
  public void check(InputFormat format) {
    if (format != InputFormat.PARQUET) {
      throw new ConfigException("command line", "--baseline", name() + " reads Parquet "
          + "document datasets only, and the input is " + format);
    }
  }

  @Override
  public Measured run(SparkSession spark, BenchInput input, String output) {
    String dataset = FilterBenchmark.wholeDataset(spark.sparkContext().hadoopConfiguration(),
        input, "dedup");
    int tables = hashTables(options.lsh());
    int ngram = options.ngram();
    Dataset<Row> all = spark.createDataFrame(Datasets.read(spark, dataset)
            .select(DocumentSchema.ID, DocumentSchema.TEXT).javaRDD()
            .mapPartitions(rows -> {
              Shingler shingler = new Shingler(ngram);
              return MappedIterator.of(rows, row -> featureRow(row, shingler));
            }), FEATURE_SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK());
    spark.sparkContext().setJobDescription(name() + ": " + tables + " hash table(s) over "
        + dataset);
    try {
      Row counts = all.agg(count(lit(1)), count(col(FEATURES))).head();
      long documents = counts.getLong(0);
      long tooShort = documents - counts.getLong(1);
      Dataset<Row> features = all.filter(col(FEATURES).isNotNull());
      Dataset<Row> pairs = tooShort == documents
          ? spark.createDataFrame(List.<Row>of(), PAIR_SCHEMA)
          : similarPairs(features, tables);
      pairs.write().parquet(output);
      Row found = spark.read().parquet(output).agg(count(lit(1)), count_distinct(col(ID_B)))
          .head();
      long dropped = found.getLong(1);
      return new Measured(documents, documents - dropped, dropped, 0L, Map.of(
          "pairs", found.getLong(0), "hash_tables", (long) tables, "too_short", tooShort));
    } finally {
      all.unpersist();
      spark.sparkContext().setJobDescription(null);
    }
  }

  private Dataset<Row> similarPairs(Dataset<Row> features, int tables) {
    MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setSeed(options.seed())
        .setInputCol(FEATURES).setOutputCol("hashes").fit(features);
    return model.approxSimilarityJoin(features, features, 1 - options.threshold(), DISTANCE)
        .toDF()
        .select(col("datasetA." + DocumentSchema.ID).as(ID_A),
            col("datasetB." + DocumentSchema.ID).as(ID_B), col(DISTANCE))
        .filter(col(ID_A).lt(col(ID_B)));
  }

  /**
   * The fewest OR-ed MinHash tables whose candidate probability at the threshold t,
   * 1 − (1 − t)<sup>T</sup>, is at least the banding's P(t).
   */
  static int hashTables(LshParameters lsh) {
    double t = lsh.threshold();
    double ours = lsh.probability(t);
    int tables = 1;
    while (1 - Math.pow(1 - t, tables) < ours) {
      tables++;
    }
    return tables;
  }

  /** Sorted, distinct vector indices in [0, {@value #VECTOR_SIZE}) of shingle hashes. */
  static int[] indices(long[] shingles) {
    int[] indices = new int[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      indices[i] = Math.floorMod(shingles[i], VECTOR_SIZE);
    }
    Arrays.sort(indices);
    int distinct = 0;
    for (int index : indices) {
      if (distinct == 0 || indices[distinct - 1] != index) {
        indices[distinct++] = index;
      }
    }
    return Arrays.copyOf(indices, distinct);
  }

  /** (id, text) → (id, binary shingle vector, or null when the text has no shingle). */
  private static Row featureRow(Row row, Shingler shingler) {
    long[] shingles = shingler.shingles(row.isNullAt(1) ? "" : row.getString(1));
    if (shingler.tooShort(shingles)) {
      return RowFactory.create(row.getString(0), null);
    }
    int[] indices = indices(shingles);
    double[] ones = new double[indices.length];
    Arrays.fill(ones, 1.0);
    return RowFactory.create(row.getString(0), Vectors.sparse(VECTOR_SIZE, indices, ones));
  }
}
