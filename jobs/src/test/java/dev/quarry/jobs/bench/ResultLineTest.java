package dev.quarry.jobs.bench;

import static dev.quarry.jobs.bench.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLineTest {
  private static final ResultLine.Context CONTEXT = new ResultLine.Context(
      new ResultLine.Machine(2, 24_000_000_000L, "17.0.15", "Linux", 4L << 30), "local[2]",
      Map.of("spark.sql.shuffle.partitions", "4"));

  @Test
  void aRunIsOneJsonLineWithSnakeCaseFields() throws Exception {
    String json = ResultLine.of(row(null, 2, 3, 4, 8_000_000, 2.0, 1000, 5L), CONTEXT).json();
    assertThat(json).doesNotContain("\n");
    JsonNode line = Json.mapper().readTree(json);
    List<String> fields = new ArrayList<>();
    line.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).contains("timestamp", "quarry_version", "git_commit", "machine",
        "spark_master", "spark_cores", "spark_conf", "stage", "baseline", "scale", "run",
        "input", "input_files", "input_bytes", "wall_seconds", "mb_per_s_per_core",
        "docs_per_s_per_core", "kept_docs_per_s_per_core", "records_in", "kept", "rejected",
        "errors", "peak_heap_bytes", "peak_rss_bytes");
    assertThat(line.get("run").isInt()).isTrue();
    assertThat(line.get("run").asInt()).isEqualTo(3);
    assertThat(line.get("baseline").isNull()).isTrue();
    assertThat(line.get("mb_per_s_per_core").asDouble()).isEqualTo(2.0);
    assertThat(line.get("machine").get("cores_available").asInt()).isEqualTo(2);
    assertThat(line.get("machine").get("memory_bytes").asLong()).isEqualTo(24_000_000_000L);
    assertThat(line.get("timestamp").asText()).isEqualTo("2026-11-23T10:00:03Z");
    assertThat(line.get("peak_rss_bytes").isNull()).isTrue();
  }

  @Test
  void aMedianSaysSo() throws Exception {
    BenchRow median = BenchRow.median(List.of(row("warc-scan", null, 1, 4, 8, 2.0, 9, null)));
    JsonNode line = Json.mapper().readTree(ResultLine.of(median, CONTEXT).json());
    assertThat(line.get("run").asText()).isEqualTo("median");
    assertThat(line.get("baseline").asText()).isEqualTo("warc-scan");
    assertThat(line.get("scale").isNull()).isTrue();
  }
}
