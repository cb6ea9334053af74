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
    // Explicit file paths, not a "*.parquet" glob: Spark looks for a streaming-sink metadata
    // directory under a single glob path and logs a stack trace when it is not found.
    try {
      Path root = new Path(dir.uri());
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] files = fs.globStatus(new Path(root, "*.parquet"));
      if (files == null || files.length == 0) {
        throw new IllegalArgumentException(uri + " is committed but holds no *.parquet file");
      }
      String[] paths = Arrays.stream(files).map(f -> f.getPath().toString()).sorted()
          .toArray(String[]::new);
      return spark.read().parquet(paths);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the files of " + uri, e);
    }
  }
}
