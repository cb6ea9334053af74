package dev.quarry.ingest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.core.stats.ErrorRateExceededException;
import dev.quarry.core.storage.OutputConflictException;
import dev.quarry.ingest.Fixtures;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.InputFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest {
  private final SparkSession spark = TestSpark.session();

  @TempDir
  Path dir;

  private static IngestSettings warc(Path input, Double maxErrorRate) {
    return new IngestSettings("test", InputFormat.WARC, List.of(input + "/*.warc.gz"), null,
        null, null, null, null, maxErrorRate);
  }

  private static JsonNode manifest(String output) throws Exception {
    return Json.mapper().readTree(Path.of(java.net.URI.create(output + "/manifest.json"))
        .toFile());
  }

  @Test
  void everyKindOfBadInputIsCountedByNameAndTheJobCompletes() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Fixtures.warc(in.resolve("good.warc.gz"), "CC-X", "Good one", "Good two");
    Fixtures.warc(in.resolve("corrupt.warc.gz"), w -> {
      Fixtures.htmlResponse(w, "https://c/1", Fixtures.page("Before", Fixtures.PARAGRAPH));
      w.raw(Fixtures.corruptRecordMember());
      Fixtures.htmlResponse(w, "https://c/2", Fixtures.page("After", Fixtures.PARAGRAPH));
    });
    Fixtures.truncate(Fixtures.warc(in.resolve("truncated.warc.gz"), "CC-X", "T1", "T2"), 50);
    Files.write(in.resolve("empty.warc.gz"), new byte[0]);
    byte[] invalid = new byte[2000];
    java.util.Arrays.fill(invalid, (byte) 0xff);
    byte[] huge = new byte[200 << 20];
    java.util.Arrays.fill(huge, (byte) ' ');
    Fixtures.warc(in.resolve("odd.warc.gz"), w -> {
      w.response(Fixtures.uuid(), Fixtures.DATE, "https://o/bad-bytes", 200,
          "text/html; charset=utf-8", invalid);
      w.response(Fixtures.uuid(), Fixtures.DATE, "https://o/huge", 200, "text/html", huge);
      w.response(Fixtures.uuid(), Fixtures.DATE, "https://o/img.png", 200, "image/png",
          "PNG".getBytes(StandardCharsets.US_ASCII));
    });
    String out = dir.resolve("out").toString();

    StageRunner.Result result = IngestJob.run(spark, warc(in, 0.5), out, false);

    assertThat(result.ran()).isTrue();
    JsonNode accounting = manifest(result.output()).get("accounting");
    assertThat(accounting.get("balanced").asBoolean()).isTrue();
    assertThat(Json.mapper().convertValue(accounting.get("errors"), Map.class)).isEqualTo(Map.of(
        "corrupt_warc_header", 1, "truncated_gzip", 1, "empty_file", 1));
    JsonNode rejected = accounting.get("rejected");
    assertThat(rejected.get("invalid_byte_sequence").asLong()).isEqualTo(1);
    assertThat(rejected.get("record_too_large").asLong()).isEqualTo(1);
    assertThat(rejected.get("non_html_payload").asLong()).isEqualTo(1);
    // good: 2 kept; corrupt: 2 kept; truncated: the first page survives.
    assertThat(accounting.get("kept").asLong()).isEqualTo(5);
    long recordsIn = accounting.get("records_in").asLong();
    assertThat(recordsIn).isEqualTo(accounting.get("kept").asLong()
        + accounting.get("rejected_total").asLong() + accounting.get("errors_total").asLong());

    List<Row> errors = spark.read().parquet(out + "/_errors").orderBy("reason").collectAsList();
    assertThat(errors).extracting(r -> r.getString(0))
        .containsExactly("corrupt_warc_header", "empty_file", "truncated_gzip");
    assertThat(errors).allSatisfy(r -> assertThat(r.getString(1)).matches("file:.*#\\d+"));
    assertThat(spark.read().parquet(out + "/_rejected").columns())
        .contains("reject_stage", "reject_reason", "id", "url", "location");
    assertThat(Datasets.read(spark, out).count()).isEqualTo(5);
  }

  @Test
  void anErrorRateAboveTheBoundFailsAndCommitsNothing() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Fixtures.warc(in.resolve("good.warc.gz"), "CC-X", "Only");
    Files.write(in.resolve("empty.warc.gz"), new byte[0]);
    String out = dir.resolve("out").toString();
    assertThatThrownBy(() -> IngestJob.run(spark, warc(in, 0.01), out, false))
        .isInstanceOf(ErrorRateExceededException.class)
        .hasMessageContaining("above the bound of 1.00%")
        .hasMessageContaining("empty_file=1")
        .hasMessageContaining("Nothing was committed");
    assertThat(dir.resolve("out")).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("in");
    }
  }

  @Test
  void rerunIsANoOpAChangedOptionIsRefusedAndOverwriteReplaces() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Fixtures.warc(in.resolve("a.warc.gz"), "CC-X", "Alpha", "Beta", "Gamma");
    String out = dir.resolve("out").toString();
    StageRunner.Result first = IngestJob.run(spark, warc(in, null), out, false);
    List<String> ids = ids(out);
    long modified = Files.getLastModifiedTime(dir.resolve("out/manifest.json")).toMillis();

    StageRunner.Result again = IngestJob.run(spark, warc(in, null), out, false);
    assertThat(again.ran()).isFalse();
    assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(Files.getLastModifiedTime(dir.resolve("out/manifest.json")).toMillis())
        .isEqualTo(modified);

    IngestSettings changed = new IngestSettings("test", InputFormat.WARC,
        List.of(in + "/*.warc.gz"), "CC-OTHER", null, null, null, null, null);
    assertThatThrownBy(() -> IngestJob.run(spark, changed, out, false))
        .isInstanceOf(OutputConflictException.class)
        .hasMessageContaining("different config or different inputs")
        .hasMessageContaining("--overwrite");

    StageRunner.Result replaced = IngestJob.run(spark, changed, out, true);
    assertThat(replaced.ran()).isTrue();
    assertThat(Datasets.read(spark, out).select("crawl").distinct().collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("CC-OTHER");
    // Ids derive from source + location, so they are unique and identical across runs.
    assertThat(ids(out)).isEqualTo(ids).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void outputIsPlainParquetWithTheDocumentedColumns() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Fixtures.warc(in.resolve("a.warc.gz"), "CC-X", "Alpha");
    String out = dir.resolve("out").toString();
    IngestJob.run(spark, warc(in, null), out, false);
    Path part;
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
          .orElseThrow();
    }
    // Read with parquet-hadoop's own example reader, not Spark.
    List<Group> rows = new ArrayList<>();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(part.toUri())).withConf(new Configuration()).build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        rows.add(g);
      }
    }
    assertThat(rows).hasSize(1);
    Group row = rows.get(0);
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < row.getType().getFieldCount(); i++) {
      columns.add(row.getType().getFieldName(i));
    }
    assertThat(columns).containsExactly(DocumentSchema.SCHEMA.fieldNames());
    assertThat(row.getString("text", 0)).isEqualTo("Alpha\n\n" + Fixtures.PARAGRAPH);
    assertThat(row.getString("crawl", 0)).isEqualTo("CC-X");
    assertThat(row.getString("id", 0)).hasSize(32);
  }

  @Test
  void jsonlAndParquetInputsBecomeDocuments() throws Exception {
    Path in = Files.createDirectories(dir.resolve("jsonl"));
    Files.writeString(in.resolve("a.jsonl"), """
        {"id": "x1", "url": "https://x/1", "text": "one"}
        {"id": "x2", "url": "https://x/2", "text": "two"}
        {"id": "x3", "text": ""}
        """);
    String docs = dir.resolve("docs").toString();
    IngestJob.run(spark, new IngestSettings("j", InputFormat.JSONL, List.of(in + "/*.jsonl"),
        "C", null, null, null, null, null), docs, false);
    assertThat(Datasets.read(spark, docs).count()).isEqualTo(2);

    // Feed the Parquet documents back in as Parquet input with a renamed text column.
    String renamed = dir.resolve("renamed").toString();
    Datasets.read(spark, docs).withColumnRenamed("text", "content").write().parquet(renamed);
    String again = dir.resolve("again").toString();
    StageRunner.Result result = IngestJob.run(spark, new IngestSettings("p", InputFormat.PARQUET,
        List.of(renamed), null, "content", "id", "url", null, null), again, false);
    assertThat(result.accounting().kept()).isEqualTo(2);
    List<Row> rows = Datasets.read(spark, again).orderBy("url").collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("text")).containsExactly("one", "two");
    assertThat(rows).allSatisfy(r -> assertThat(r.<String>getAs("location")).matches(".*:\\d+"));

    assertThatThrownBy(() -> IngestJob.run(spark, new IngestSettings("p", InputFormat.PARQUET,
        List.of(renamed), null, "body", null, null, null, null), dir.resolve("x").toString(),
        false))
        .hasMessageStartingWith("text_field: column 'body' is not in the Parquet input");
  }

  private List<String> ids(String out) {
    List<String> ids = new ArrayList<>(Datasets.read(spark, out).select("id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
    ids.sort(null);
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    return ids;
  }
}
