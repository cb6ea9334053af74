package dev.quarry.core.spark;

import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * A DataFrame's rows in Spark's own form ({@link InternalRow}: strings as UTF-8 bytes, arrays
 * and maps as Spark's data), and back. For per-row Java code over large rows where most
 * columns pass through untouched — a document's text, read only to be written again — turning
 * every row into a {@link Row} of Java objects decodes every string to UTF-16 and encodes it
 * again on the way out: on the dedup stage that was about a tenth of its CPU time.
 *
 * <p>The rows of {@link #of} may be reused by the reader: a function must copy what it keeps
 * beyond the row ({@link InternalRow#copy()}, {@code UTF8String.clone()}) and hand the rest on
 * before asking for the next. Needs classic Spark (not Spark Connect), as every Quarry job does.
 */
public final class InternalRows {
  private InternalRows() {}

  /** The rows of {@code frame}, in the order of its schema's fields: the same RDD every call. */
  public static RDD<InternalRow> of(Dataset<Row> frame) {
    return classic(frame).queryExecution().toRdd();
  }

  /** A DataFrame over {@code rows}, which must hold values of {@code schema}'s types. */
  public static Dataset<Row> toFrame(SparkSession spark, RDD<InternalRow> rows,
      StructType schema) {
    if (!(spark instanceof org.apache.spark.sql.classic.SparkSession session)) {
      throw new IllegalStateException("needs a classic SparkSession, not Spark Connect (got "
          + spark.getClass().getName() + ")");
    }
    return session.internalCreateDataFrame(rows, schema, false);
  }

  private static org.apache.spark.sql.classic.Dataset<Row> classic(Dataset<Row> frame) {
    if (!(frame instanceof org.apache.spark.sql.classic.Dataset<Row> dataset)) {
      throw new IllegalStateException("needs a classic Spark Dataset, not Spark Connect (got "
          + frame.getClass().getName() + ")");
    }
    return dataset;
  }
}
