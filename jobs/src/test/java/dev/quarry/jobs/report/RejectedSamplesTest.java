package dev.quarry.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.spark.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedSamplesTest {
  @TempDir
  Path dir;

  static final StructType REJECTED = new StructType()
      .add("id", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("url", DataTypes.StringType).add("source", DataTypes.StringType)
      .add("reject_stage", DataTypes.StringType).add("reject_reason", DataTypes.StringType)
      .add("reject_step", DataTypes.StringType);

  @Test
  void theFirstByIdOfEachReasonWithTextAndUrlScrubbedAndCut() {
    SparkSession spark = TestSpark.session();
    String output = dir.resolve("filter-a").toString();
    List<Row> rows = new ArrayList<>();
    for (int i = 5; i >= 1; i--) {
      rows.add(RowFactory.create("doc-" + i, "Write to jane.doe@example.org or call "
          + "+1 415 555 0132. " + "x".repeat(900), "https://x.example/u?mail=jane.doe@example.org",
          "a", "filter", "too_short", "gopher_quality"));
    }
    rows.add(RowFactory.create("doc-9", null, null, "a", "filter", "bad_lines", "c4_quality"));
    spark.createDataFrame(rows, REJECTED).coalesce(2).write().parquet(output + "/_rejected");
    StageManifest stage = new StageManifest("filter", "a", output, ReportFixtures.json("""
        {"job": "filter", "accounting": {"rejected": {"too_short": 40, "bad_lines": 3,
          "no_sample_kept": 7}}}
        """), "ran");

    JsonNode groups = new RejectedSamples(spark, 2).of(List.of(stage));

    assertThat(groups).hasSize(3);
    JsonNode tooShort = groups.get(0);
    assertThat(tooShort.path("reason").asText()).isEqualTo("too_short");
    assertThat(tooShort.path("count").asLong()).isEqualTo(40);
    assertThat(tooShort.path("documents")).hasSize(2);
    JsonNode first = tooShort.path("documents").get(0);
    assertThat(first.path("id").asText()).isEqualTo("doc-1");
    assertThat(tooShort.path("documents").get(1).path("id").asText()).isEqualTo("doc-2");
    assertThat(first.path("step").asText()).isEqualTo("gopher_quality");
    assertThat(first.path("excerpt").asText()).startsWith("Write to <EMAIL> or call <PHONE>.")
        .doesNotContain("jane.doe").hasSizeLessThanOrEqualTo(RejectedSamples.EXCERPT_CHARS);
    assertThat(first.path("url").asText()).doesNotContain("jane.doe").contains("<EMAIL>");
    assertThat(first.path("chars").asLong()).isGreaterThan(RejectedSamples.EXCERPT_CHARS);
    assertThat(groups.get(1).path("reason").asText()).isEqualTo("no_sample_kept");
    assertThat(groups.get(1).path("documents")).isEmpty();
    JsonNode noText = groups.get(2).path("documents").get(0);
    assertThat(noText.path("excerpt").isNull()).isTrue();
    assertThat(noText.path("chars").asLong()).isZero();
  }

  @Test
  void skippedRecordsAndAMissingRejectedDirectoryGiveNoSamples() {
    StageManifest ingest = new StageManifest("ingest", "w", dir.resolve("none").toString(),
        ReportFixtures.json("""
            {"job": "ingest", "accounting": {"rejected": {"skipped_request_record": 9,
              "non_html_payload": 2}}}
            """), null);
    JsonNode groups = new RejectedSamples(TestSpark.session(), 3).of(List.of(ingest));
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).path("reason").asText()).isEqualTo("non_html_payload");
    assertThat(groups.get(0).path("documents")).isEmpty();
    assertThat(new RejectedSamples(TestSpark.session(), 0).of(List.of(ingest))).isEmpty();
  }
}
