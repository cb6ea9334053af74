package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.col;

import dev.quarry.dedup.minhash.MinHasher;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Candidate edges kept only when the two documents' signatures agree in at least a given share
 * of their positions — the MinHash estimate of their Jaccard similarity. LSH lets through pairs
 * well below the threshold (a 0.6-similar pair shares a band of 8 rows in 1 of 60 bands); with
 * 128 hashes the estimate's standard deviation is at most 0.045, so a cut a little below the
 * threshold removes those and keeps nearly every true pair. The two (packed) signatures are
 * joined in by id and compared by {@link MinHasher#estimateJaccard(byte[], byte[])}.
 */
final class VerifiedEdges {
  static final String SIMILARITY = "estimated_similarity";
  private static final UserDefinedFunction ESTIMATE = functions.udf(
      (UDF2<byte[], byte[], Double>) MinHasher::estimateJaccard, DataTypes.DoubleType);

  private VerifiedEdges() {}

  /**
   * The edges ({@code src}, {@code dst}) whose estimated similarity is at least
   * {@code minimum}; {@code keys} has {@code id} and {@code signature}.
   */
  static Dataset<Row> atLeast(Dataset<Row> edges, Dataset<Row> keys, double minimum) {
    Dataset<Row> signatures = keys.filter(col(DedupJob.SIGNATURE).isNotNull())
        .select(col("id"), col(DedupJob.SIGNATURE));
    return withSimilarity(edges, signatures)
        .filter(col(SIMILARITY).geq(minimum))
        .select(col(CandidateEdges.SRC), col(CandidateEdges.DST));
  }

  /** The edges with {@value #SIMILARITY}: the share of signature positions that agree. */
  static Dataset<Row> withSimilarity(Dataset<Row> edges, Dataset<Row> signatures) {
    return edges
        .join(signatures.withColumnRenamed("id", "_a").withColumnRenamed(DedupJob.SIGNATURE,
            "_sa"), col(CandidateEdges.SRC).equalTo(col("_a")))
        .join(signatures.withColumnRenamed("id", "_b").withColumnRenamed(DedupJob.SIGNATURE,
            "_sb"), col(CandidateEdges.DST).equalTo(col("_b")))
        .withColumn(SIMILARITY, ESTIMATE.apply(col("_sa"), col("_sb")))
        .drop("_a", "_b", "_sa", "_sb");
  }
}
