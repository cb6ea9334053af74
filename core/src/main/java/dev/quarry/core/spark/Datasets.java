package dev.quarry.core.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import dev.quarry.core.storage.OutputDir;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

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
    String[] paths = parquetFiles(spark, dir.uri());
    if (paths.length == 0) {
      throw new IllegalArgumentException(uri + " is committed but holds no *.parquet file");
    }
    return spark.read().parquet(paths);
  }

  /**
   * The {@code *.parquet} files directly in {@code dir}, sorted; empty when there are none.
   * Explicit file paths, not a "*.parquet" glob: Spark looks for a streaming-sink metadata
   * directory under a single glob path and logs a stack trace when it is not found.
   */
  public static String[] parquetFiles(SparkSession spark, String dir) {
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] files = fs.globStatus(new Path(root, "*.parquet"));
      return files == null ? new String[0] : Arrays.stream(files)
          .map(f -> f.getPath().toString()).sorted().toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the files of " + dir, e);
    }
  }

  /**
   * The first {@code perKey} rows of each value of {@code key}, by document id: the sample of
   * dropped documents a stage writes to {@code _rejected/} (the smallest ids, so reruns agree).
   */
  public static Dataset<Row> firstByIdPerKey(Dataset<Row> rows, String key, int perKey) {
    return rows.withColumn("_n", functions.row_number().over(
            Window.partitionBy(functions.col(key)).orderBy(functions.col(DocumentSchema.ID))))
        .filter(functions.col("_n").leq(perKey)).drop("_n");
  }
}
