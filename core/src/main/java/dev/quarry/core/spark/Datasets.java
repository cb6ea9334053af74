package dev.quarry.core.spark;

import dev.quarry.core.storage.OutputDir;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reading committed Quarry outputs. A reader ignores a directory without {@code _SUCCESS}, and
 * reads only the {@code *.parquet} files at its top level: {@code manifest.json} sits beside them
 * (Spark skips only names starting with {@code _} or {@code .}), and {@code _rejected/} and
 * {@code _errors/} below them are not documents.
 */
public final class Datasets {
  private Datasets() {}

  public static Dataset<Row> read(SparkSession spark, String uri) {
    OutputDir dir = new OutputDir(uri, spark.sparkContext().hadoopConfiguration());
    if (dir.committedFingerprint().isEmpty()) {
      throw new IllegalArgumentException(uri + " is not a committed Quarry output (no "
          + OutputDir.SUCCESS + " and " + OutputDir.MANIFEST + "); was the job that writes it "
          + "finished?");
    }
    return spark.read().parquet(dir.uri() + "/*.parquet");
  }
}
