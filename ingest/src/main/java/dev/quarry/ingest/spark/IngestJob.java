package dev.quarry.ingest.spark;

import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.SerializableHadoopConf;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.stats.ErrorRateExceededException;
import dev.quarry.core.stats.Stats;
import dev.quarry.core.storage.Manifest;
import dev.quarry.core.storage.RawFile;
import dev.quarry.core.storage.RawInputs;
import dev.quarry.ingest.InputFormat;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.readers.ShardReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The ingest stage: raw shards to documents. Reads every input record once (one Spark partition
 * per shard, or Spark's Parquet splits), caches the tagged records, checks the accounting and
 * the error bound, then writes the documents, {@code _rejected/} and {@code _errors/}.
 */
public final class IngestJob {
  private static final int ERROR_SAMPLES = 20;

  private IngestJob() {}

  public static StageRunner.Result run(SparkSession spark, IngestSettings settings, String output,
      boolean overwrite) {
    List<RawFile> files = files(spark, settings);
    return StageRunner.run(spark, "ingest", settings, inputs(files), output, overwrite,
        temporary -> write(spark, settings, files, temporary));
  }

  /** The input files, expanded and checked as a run would (a config error names the field). */
  public static List<RawFile> files(SparkSession spark, IngestSettings settings) {
    settings.validate();
    List<RawFile> files = RawInputs.expand(spark.sparkContext().hadoopConfiguration(),
        settings.input(), "input");
    if (settings.format() == InputFormat.PARQUET) {
      ParquetInput.check(spark, settings, files);
    }
    return files;
  }

  /** What the stage's fingerprint is made of besides its settings. */
  public static List<Manifest.InputRef> inputs(List<RawFile> files) {
    return files.stream().map(Manifest.InputRef::raw).toList();
  }

  static StageRunner.Outcome write(SparkSession spark, IngestSettings settings,
      List<RawFile> files, String temporary) {
    describe(spark, "ingest: read " + files.size() + " " + settings.format() + " file(s)");
    Dataset<Row> tagged = read(spark, settings, files).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Stats stats = TaggedRows.stats(tagged);
      Accounting accounting = TaggedRows.accounting(stats).verify("ingest");
      if (accounting.errorRate() > settings.maxErrorRate()) {
        throw new ErrorRateExceededException("ingest", accounting, settings.maxErrorRate());
      }
      describe(spark, "ingest: write documents");
      tagged.filter(TaggedRows.isKept()).select(TaggedRows.documentColumns())
          .write().parquet(temporary);
      describe(spark, "ingest: write _rejected");
      tagged.filter(TaggedRows.isRejectedDocument())
          .select(functions.col(DocumentSchema.ID), functions.col(DocumentSchema.URL),
              functions.col(DocumentSchema.SOURCE), functions.col(DocumentSchema.LOCATION),
              functions.col(DocumentSchema.WARC_RECORD_ID), functions.col(DocumentSchema.TEXT),
              functions.lit("ingest").as("reject_stage"),
              functions.col(TaggedRows.REASON).as("reject_reason"))
          .write().parquet(temporary + "/_rejected");
      describe(spark, "ingest: write _errors");
      Dataset<Row> errors = tagged.filter(TaggedRows.isError())
          .select(functions.col(TaggedRows.REASON).as("reason"),
              functions.col(TaggedRows.RECORD_LOCATION).as("location"),
              functions.col(TaggedRows.DETAIL).as("detail"));
      errors.write().parquet(temporary + "/_errors");
      Map<String, Object> summary = new LinkedHashMap<>(stats.summary());
      summary.put("files", files.size());
      summary.put("error_samples", errors.orderBy("location").limit(ERROR_SAMPLES)
          .collectAsList().stream()
          .map(r -> Map.of("reason", r.getString(0), "location", r.getString(1),
              "detail", r.isNullAt(2) ? "" : r.getString(2)))
          .toList());
      return new StageRunner.Outcome(accounting, summary);
    } finally {
      tagged.unpersist();
    }
  }

  private static Dataset<Row> read(SparkSession spark, IngestSettings settings,
      List<RawFile> files) {
    if (settings.format() == InputFormat.PARQUET) {
      return ParquetInput.read(spark, settings, files);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableHadoopConf conf = new SerializableHadoopConf(jsc.hadoopConfiguration());
    JavaRDD<Row> rows = jsc.parallelize(files, Math.max(1, files.size()))
        .mapPartitions(new ReadShards(ShardReader.forSettings(settings), conf));
    return spark.createDataFrame(rows, TaggedRows.SCHEMA);
  }

  private static void describe(SparkSession spark, String what) {
    spark.sparkContext().setJobDescription(what);
  }


}
