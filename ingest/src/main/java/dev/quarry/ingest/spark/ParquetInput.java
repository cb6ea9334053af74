package dev.quarry.ingest.spark;

import dev.quarry.core.Document;
import dev.quarry.core.DocumentIds;
import dev.quarry.core.MappedIterator;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.IngestRecord;
import dev.quarry.ingest.IngestSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Parquet input through Spark's own reader (it splits large files): each row becomes a record
 * located at {@code <file>:<row index>}, using Spark's {@code _metadata} columns.
 */
final class ParquetInput {
  private ParquetInput() {}

  /** Fails before any work when the configured columns are missing. */
  static void check(SparkSession spark, IngestSettings settings, List<RawFile> files) {
    StructType schema = spark.read().parquet(paths(files)).schema();
    List<String> columns = Arrays.asList(schema.fieldNames());
    if (!columns.contains(settings.textField())) {
      throw new ConfigException("text_field", "column '" + settings.textField()
          + "' is not in the Parquet input; its columns are " + columns);
    }
  }

  static Dataset<Row> read(SparkSession spark, IngestSettings settings, List<RawFile> files) {
    Dataset<Row> raw = spark.read().parquet(paths(files));
    List<String> columns = Arrays.asList(raw.schema().fieldNames());
    List<Column> select = new ArrayList<>();
    select.add(functions.col(settings.textField()).cast("string").as("text"));
    select.add(optional(columns, settings.idField(), "source_id"));
    select.add(optional(columns, settings.urlField(), "url"));
    select.add(functions.col("_metadata.file_path").as("file_path"));
    select.add(functions.col("_metadata.row_index").as("row_index"));
    Map<String, String> relative = new HashMap<>();
    files.forEach(f -> relative.put(f.uri(), f.relativeName()));
    return raw.select(select.toArray(Column[]::new))
        .mapPartitions(new ToRecords(settings, relative),
            ExpressionEncoder.apply(TaggedRows.SCHEMA));
  }

  private static Column optional(List<String> columns, String name, String alias) {
    return name != null && columns.contains(name)
        ? functions.col(name).cast("string").as(alias)
        : functions.lit(null).cast("string").as(alias);
  }

  private static String[] paths(List<RawFile> files) {
    return files.stream().map(RawFile::uri).toArray(String[]::new);
  }

  private static final class ToRecords implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final IngestSettings settings;
    private final Map<String, String> relative;

    ToRecords(IngestSettings settings, Map<String, String> relative) {
      this.settings = settings;
      this.relative = relative;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return MappedIterator.of(rows, row -> TaggedRows.toRow(toRecord(row)));
    }

    private IngestRecord toRecord(Row row) {
      String file = row.getString(3);
      long index = row.getLong(4);
      String relativeName = relative.getOrDefault(file, file.substring(file.lastIndexOf('/') + 1));
      String location = file + ":" + index;
      Map<String, String> tags = row.isNullAt(1) ? Map.of() : Map.of("source_id", row.getString(1));
      Document partial = new Document(DocumentIds.of(settings.source(), relativeName + ":" + index),
          null, row.getString(2), settings.source(), settings.crawl(), location, null, null, null,
          null, null, tags);
      String text = row.getString(0);
      if (text == null) {
        return IngestRecord.rejected("missing_text_field", partial, 0);
      }
      long bytes = text.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > settings.maxRecordBytes()) {
        return IngestRecord.rejected("record_too_large", partial, bytes);
      }
      if (text.isBlank()) {
        return IngestRecord.rejected("no_text", partial, bytes);
      }
      return IngestRecord.kept(partial.withText(text), bytes);
    }
  }
}
