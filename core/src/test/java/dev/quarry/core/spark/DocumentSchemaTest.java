package dev.quarry.core.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Document;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSchemaTest {

  @Test
  void documentsRoundTripThroughParquet(@TempDir Path dir) {
    SparkSession spark = TestSpark.session();
    Document full = new Document("0123456789abcdef0123456789abcdef", "Hello world", "https://x/",
        "cc", "CC-MAIN-2024-10", "file:/a.warc.gz#10", "<urn:uuid:1>",
        Instant.parse("2024-03-01T10:15:30.123456Z"), "eng", 0.97, Map.of("quality", 0.5),
        Map.of("title", "Hello"));
    Document sparse = new Document("ffffffffffffffffffffffffffffffff", "t", null, "cc", null,
        "file:/b.jsonl:3", null, null, null, null, null, null);
    Dataset<Row> df = spark.createDataFrame(List.of(DocumentSchema.toRow(full),
        DocumentSchema.toRow(sparse)), DocumentSchema.SCHEMA);
    String out = dir.resolve("docs").toString();
    df.write().parquet(out);
    List<Document> back = spark.read().parquet(out).orderBy("id").collectAsList().stream()
        .map(DocumentSchema::fromRow).toList();
    assertThat(back).containsExactly(full, sparse);
    assertThat(spark.read().parquet(out).schema().fieldNames())
        .containsExactly(DocumentSchema.SCHEMA.fieldNames());
  }
}
