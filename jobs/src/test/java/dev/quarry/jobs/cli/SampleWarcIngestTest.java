package dev.quarry.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.TestSpark;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The ingest of the bundled sample WARC, checked from outside: the WARC is read independently
 * with jwarc and the output with DuckDB (a Parquet reader that shares no code with Spark), and
 * every HTML response record must be a document or counted under a named reason.
 */
class SampleWarcIngestTest {
  private static final Path SAMPLE_WARC = Path.of("..", "samples", "warc",
      "quarry-sample.warc.gz").toAbsolutePath().normalize();

  @TempDir
  static Path dir;
  static Path output;
  static JsonNode accounting;
  static WarcContents warc;

  /** What an independent reading of the sample WARC finds. */
  record WarcContents(int records, long corruptOffset, Map<Long, String> urlByOffset,
      Set<String> htmlOkUrls, int htmlNotOk) {}

  @BeforeAll
  static void ingestTheSampleWarc() throws IOException {
    TestSpark.session();
    output = dir.resolve("out");
    QuarryCliTest.Run run = QuarryCliTest.quarry("ingest", "--input", SAMPLE_WARC.toString(),
        "--format", "warc", "--source", "cc", "--output", output.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    accounting = Json.mapper().readTree(output.resolve("manifest.json").toFile())
        .get("accounting");
    warc = readIndependently(SAMPLE_WARC);
  }

  @Test
  void duckDbReadsTheOutputWithTheDocumentedColumns() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      List<String> columns = new ArrayList<>();
      Map<String, String> types = new HashMap<>();
      try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + parts())) {
        while (rs.next()) {
          columns.add(rs.getString("column_name"));
          types.put(rs.getString("column_name"), rs.getString("column_type"));
        }
      }
      assertThat(columns).containsExactly(DocumentSchema.SCHEMA.fieldNames());
      assertThat(types).containsEntry("id", "VARCHAR").containsEntry("fetched_at", "TIMESTAMP WITH TIME ZONE")
          .containsEntry("lang_score", "DOUBLE")
          .containsEntry("attrs", "MAP(VARCHAR, DOUBLE)")
          .containsEntry("tags", "MAP(VARCHAR, VARCHAR)");
      try (ResultSet rs = sql.executeQuery("SELECT count(*), count(DISTINCT id), "
          + "min(length(id)), max(length(id)), count(*) FILTER (WHERE text IS NULL OR text = '')"
          + " FROM " + parts())) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(accounting.get("kept").asLong()).isEqualTo(160);
        assertThat(rs.getLong(2)).as("distinct ids").isEqualTo(160);
        assertThat(rs.getInt(3)).isEqualTo(32);
        assertThat(rs.getInt(4)).isEqualTo(32);
        assertThat(rs.getLong(5)).as("documents without text").isZero();
      }
    }
  }

  @Test
  void everyHtmlResponseIsADocumentOrANamedReject() throws SQLException {
    Map<String, String> locationByUrl = new HashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("SELECT url, location FROM " + parts())) {
      while (rs.next()) {
        locationByUrl.put(rs.getString(1), rs.getString(2));
      }
    }
    // The 2xx HTML responses are exactly the documents...
    assertThat(locationByUrl.keySet()).isEqualTo(warc.htmlOkUrls());
    // ...and each document's location finds its raw record again.
    locationByUrl.forEach((url, location) -> {
      assertThat(location).startsWith("file:" + SAMPLE_WARC + "#");
      long offset = Long.parseLong(location.substring(location.lastIndexOf('#') + 1));
      assertThat(warc.urlByOffset()).containsEntry(offset, url);
    });
    // The others are counted by name, and nothing is unaccounted for.
    assertThat(accounting.get("rejected").get("http_status_not_ok").asInt())
        .isEqualTo(warc.htmlNotOk()).isPositive();
    assertThat(accounting.get("errors").get("corrupt_warc_header").asInt()).isEqualTo(1);
    assertThat(accounting.get("records_in").asInt()).isEqualTo(warc.records() + 1);
    assertThat(accounting.get("balanced").asBoolean()).isTrue();
  }

  @Test
  void theCorruptRecordIsReportedWithItsFileAndOffset() throws IOException {
    JsonNode samples = Json.mapper().readTree(output.resolve("manifest.json").toFile())
        .get("stats").get("error_samples");
    assertThat(samples).hasSize(1);
    assertThat(samples.get(0).get("reason").asText()).isEqualTo("corrupt_warc_header");
    assertThat(samples.get(0).get("location").asText())
        .isEqualTo("file:" + SAMPLE_WARC + "#" + warc.corruptOffset());
  }

  private static String parts() {
    return "read_parquet('" + output + "/*.parquet')";
  }

  /**
   * Reads every record with jwarc alone. jwarc stops at a corrupt record, so reading restarts
   * at the next gzip member after it. Positions count from the start of the file, since the
   * reader starts from the channel's position.
   */
  static WarcContents readIndependently(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int records = 0;
    long corruptOffset = -1;
    Map<Long, String> urlByOffset = new HashMap<>();
    Set<String> htmlOk = new HashSet<>();
    int htmlNotOk = 0;
    long start = 0;
    boolean more = true;
    while (more) {
      FileChannel channel = FileChannel.open(file);
      channel.position(start);
      try (WarcReader reader = new WarcReader(channel)) {
        while (true) {
          Optional<WarcRecord> next;
          try {
            next = reader.next();
          } catch (ParsingException e) {
            assertThat(corruptOffset).as("only one corrupt record is planted").isEqualTo(-1);
            corruptOffset = reader.position();
            start = nextGzipMember(bytes, corruptOffset + 1);
            break;
          }
          if (next.isEmpty()) {
            more = false;
            break;
          }
          records++;
          if (next.get() instanceof WarcResponse response) {
            long offset = reader.position();
            urlByOffset.put(offset, response.target());
            HttpResponse http = response.http();
            byte[] body = http.bodyDecoded().stream().readAllBytes();
            if (isHtml(http.contentType(), body)) {
              if (http.status() >= 200 && http.status() < 300) {
                htmlOk.add(response.target());
              } else {
                htmlNotOk++;
              }
            }
          }
        }
      }
    }
    return new WarcContents(records, corruptOffset, urlByOffset, htmlOk, htmlNotOk);
  }

  /** HTML by its declared type, or an untyped payload that starts like an HTML page. */
  private static boolean isHtml(MediaType type, byte[] body) {
    String base = type == null ? "" : type.base().toString();
    if (base.equals("text/html")) {
      return true;
    }
    String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1)
        .stripLeading().toLowerCase(Locale.ROOT);
    return (base.equals("application/octet-stream") || base.equals("text/plain"))
        && (head.startsWith("<!doctype html") || head.startsWith("<html"));
  }

  private static long nextGzipMember(byte[] bytes, long from) {
    for (int i = (int) from; i + 2 < bytes.length; i++) {
      if (bytes[i] == 0x1f && (bytes[i + 1] & 0xff) == 0x8b && bytes[i + 2] == 8) {
        return i;
      }
    }
    return bytes.length;
  }
}
