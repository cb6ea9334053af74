package dev.quarry.ingest.spark;

import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.PartitionStats;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.stats.Stats;
import dev.quarry.ingest.IngestRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Every input record as one row: the document columns (null for errors) plus what became of it.
 * One dataset of these is read once, cached, counted, and split into the output, _rejected/ and
 * _errors/.
 */
final class TaggedRows {
  static final String STATUS = "_status";
  static final String REASON = "_reason";
  static final String RECORD_BYTES = "_record_bytes";
  static final String RECORD_LOCATION = "_record_location";
  static final String DETAIL = "_detail";

  static final StructType SCHEMA;

  static {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : DocumentSchema.SCHEMA.fields()) {
      fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
    }
    fields.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(RECORD_BYTES, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(RECORD_LOCATION, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true));
    SCHEMA = DataTypes.createStructType(fields);
  }

  private TaggedRows() {}

  static Row toRow(IngestRecord r) {
    int docFields = DocumentSchema.SCHEMA.size();
    Object[] values = Arrays.copyOf(r.document() == null ? new Object[docFields]
        : DocumentSchema.values(r.document()), docFields + 5);
    values[docFields] = r.status().name().toLowerCase();
    values[docFields + 1] = r.reason();
    values[docFields + 2] = r.recordBytes();
    values[docFields + 3] = r.location();
    values[docFields + 4] = r.detail();
    return RowFactory.create(values);
  }

  static Column isKept() {
    return functions.col(STATUS).equalTo("kept");
  }

  static Column isRejectedDocument() {
    return functions.col(STATUS).equalTo("rejected").and(functions.col(DocumentSchema.ID)
        .isNotNull());
  }

  static Column isError() {
    return functions.col(STATUS).equalTo("error");
  }

  static Column[] documentColumns() {
    return Arrays.stream(DocumentSchema.SCHEMA.fieldNames()).map(functions::col)
        .toArray(Column[]::new);
  }

  /** Counters and histograms over all records, merged across partitions. */
  static Stats stats(Dataset<Row> tagged) {
    return PartitionStats.over(tagged.select(functions.col(STATUS), functions.col(REASON),
            functions.col(RECORD_BYTES), functions.length(functions.col(DocumentSchema.TEXT))),
        new CountRecords());
  }

  /** Counts by status and reason, size histograms. */
  private static final class CountRecords extends PartitionStats {
    private static final long serialVersionUID = 1L;

    @Override
    protected void count(Stats s, Row row) {
      String status = row.getString(0);
      s.increment("records_in");
      s.add("bytes_in", row.getLong(2));
      s.observe("record_bytes", row.getLong(2));
      if (status.equals("kept")) {
        s.increment("kept");
        s.observe("kept_text_chars", row.isNullAt(3) ? 0 : row.getInt(3));
      } else if (status.equals("rejected")) {
        s.increment("rejected." + row.getString(1));
      } else {
        s.increment("errors." + row.getString(1));
      }
    }
  }

  static Accounting accounting(Stats stats) {
    return Accounting.fromCounters(stats);
  }
}
