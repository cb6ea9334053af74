package dev.quarry.core.spark;

import dev.quarry.core.Document;
import java.sql.Timestamp;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/** The Spark/Parquet schema of {@link Document} and conversions between the two. */
public final class DocumentSchema {
  public static final String ID = "id";
  public static final String TEXT = "text";
  public static final String URL = "url";
  public static final String SOURCE = "source";
  public static final String CRAWL = "crawl";
  public static final String LOCATION = "location";
  public static final String WARC_RECORD_ID = "warc_record_id";
  public static final String FETCHED_AT = "fetched_at";
  public static final String LANG = "lang";
  public static final String LANG_SCORE = "lang_score";
  public static final String ATTRS = "attrs";
  public static final String TAGS = "tags";

  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField(ID, DataTypes.StringType, false),
      DataTypes.createStructField(TEXT, DataTypes.StringType, true),
      DataTypes.createStructField(URL, DataTypes.StringType, true),
      DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
      DataTypes.createStructField(CRAWL, DataTypes.StringType, true),
      DataTypes.createStructField(LOCATION, DataTypes.StringType, false),
      DataTypes.createStructField(WARC_RECORD_ID, DataTypes.StringType, true),
      DataTypes.createStructField(FETCHED_AT, DataTypes.TimestampType, true),
      DataTypes.createStructField(LANG, DataTypes.StringType, true),
      DataTypes.createStructField(LANG_SCORE, DataTypes.DoubleType, true),
      DataTypes.createStructField(ATTRS,
          DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), true),
      DataTypes.createStructField(TAGS,
          DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true),
  });

  private DocumentSchema() {}

  /** The document's values in {@link #SCHEMA} order. */
  public static Object[] values(Document d) {
    return new Object[] {
        d.id(), d.text(), d.url(), d.source(), d.crawl(), d.location(), d.warcRecordId(),
        d.fetchedAt() == null ? null : Timestamp.from(d.fetchedAt()),
        d.lang(), d.langScore(),
        CollectionConverters.asScala(d.attrs()), CollectionConverters.asScala(d.tags())
    };
  }

  public static Row toRow(Document d) {
    return RowFactory.create(values(d));
  }

  public static Document fromRow(Row row) {
    Timestamp fetched = row.getAs(FETCHED_AT);
    scala.collection.Map<String, Double> attrs = row.getAs(ATTRS);
    scala.collection.Map<String, String> tags = row.getAs(TAGS);
    return new Document(
        row.getAs(ID), row.getAs(TEXT), row.getAs(URL), row.getAs(SOURCE), row.getAs(CRAWL),
        row.getAs(LOCATION), row.getAs(WARC_RECORD_ID),
        fetched == null ? null : fetched.toInstant(),
        row.getAs(LANG), row.getAs(LANG_SCORE),
        attrs == null ? Map.of() : CollectionConverters.asJava(attrs),
        tags == null ? Map.of() : CollectionConverters.asJava(tags));
  }
}
