package dev.quarry.ingest.readers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import dev.quarry.ingest.Fixtures;
import dev.quarry.ingest.IngestRecord;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.InputFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlShardReaderTest {
  @TempDir
  Path dir;

  private static final String LINES = """
      {"id": "a", "url": "https://a/", "text": "first document"}

      {"id": "b", "text": ""}
      {"id": "c", "body": "wrong field"}
      not json at all
      [1, 2]
      {"id": "d", "text": "last document"}
      """;

  private List<IngestRecord> read(Path file, IngestSettings settings) {
    List<IngestRecord> out = new ArrayList<>();
    new JsonlShardReader(settings).open(Fixtures.raw(file), new Configuration())
        .forEachRemaining(out::add);
    return out;
  }

  private List<IngestRecord> read(Path file) {
    return read(file, Fixtures.settings(InputFormat.JSONL, file.toString()));
  }

  private static List<String> outcomes(List<IngestRecord> records) {
    return records.stream().map(r -> r.status() == IngestRecord.Status.KEPT ? "kept"
        : r.status().name().toLowerCase() + ":" + r.reason()).toList();
  }

  private static final List<String> EXPECTED = List.of("kept", "rejected:no_text",
      "rejected:missing_text_field", "error:invalid_json", "error:invalid_json", "kept");

  @Test
  void everyLineIsAccountedForWithItsLineNumber() throws Exception {
    Path file = Files.writeString(dir.resolve("x.jsonl"), LINES);
    List<IngestRecord> records = read(file);
    assertThat(outcomes(records)).isEqualTo(EXPECTED);
    assertThat(records.get(0).document().text()).isEqualTo("first document");
    assertThat(records.get(0).document().url()).isEqualTo("https://a/");
    assertThat(records.get(0).document().tags()).containsEntry("source_id", "a");
    assertThat(records.get(0).location()).endsWith("x.jsonl:1");
    assertThat(records.get(3).location()).endsWith("x.jsonl:5");
    assertThat(records.get(5).location()).endsWith("x.jsonl:7");
  }

  @Test
  void gzipAndZstdAreDecompressedByTheirMagicBytes() throws Exception {
    Path gz = Files.write(dir.resolve("x.jsonl.gz"),
        Fixtures.gzip(LINES.getBytes(StandardCharsets.UTF_8)));
    Path zst = Files.write(dir.resolve("x.jsonl.zst"),
        Zstd.compress(LINES.getBytes(StandardCharsets.UTF_8)));
    assertThat(outcomes(read(gz))).isEqualTo(EXPECTED);
    assertThat(outcomes(read(zst))).isEqualTo(EXPECTED);
  }

  @Test
  void configurableFieldsAreUsed() throws Exception {
    Path file = Files.writeString(dir.resolve("y.jsonl"),
        "{\"doc_id\": 7, \"link\": \"https://y/\", \"content\": \"hello\"}\n");
    IngestSettings settings = new IngestSettings("s", InputFormat.JSONL, List.of("y"), "C1",
        "content", "doc_id", "link", null, null);
    IngestRecord record = read(file, settings).get(0);
    assertThat(record.document().text()).isEqualTo("hello");
    assertThat(record.document().url()).isEqualTo("https://y/");
    assertThat(record.document().crawl()).isEqualTo("C1");
    assertThat(record.document().tags()).containsEntry("source_id", "7");
  }

  @Test
  void invalidUtf8TruncatedGzipOversizedAndEmptyAreNamed() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("{\"text\": \"ok\"}\n{\"text\": \"bad ".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xff, (byte) 0xfe});
    bytes.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(("{\"text\": \"" + "z".repeat(5000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("bad.jsonl"), bytes.toByteArray());
    IngestSettings small = new IngestSettings("s", InputFormat.JSONL, List.of("x"), null, null,
        null, null, 1000L, null);
    assertThat(outcomes(read(file, small)))
        .containsExactly("kept", "error:invalid_utf8", "rejected:record_too_large");

    Path truncated = Fixtures.truncate(Files.write(dir.resolve("t.jsonl.gz"),
        Fixtures.gzip(LINES.repeat(50).getBytes(StandardCharsets.UTF_8))), 20);
    List<String> outcomes = outcomes(read(truncated));
    assertThat(outcomes).last().isEqualTo("error:truncated_gzip");
    assertThat(outcomes).contains("kept");

    Path empty = Files.write(dir.resolve("e.jsonl"), new byte[0]);
    assertThat(outcomes(read(empty))).containsExactly("error:empty_file");
  }

  @Test
  void textFilesAreOneDocumentEach() throws Exception {
    Path file = Files.writeString(dir.resolve("note.txt"), "A plain note.\nSecond line.\n");
    List<IngestRecord> out = new ArrayList<>();
    new TextFileReader(Fixtures.settings(InputFormat.TEXT, file.toString()))
        .open(Fixtures.raw(file), new Configuration()).forEachRemaining(out::add);
    assertThat(out).singleElement().satisfies(r -> {
      assertThat(r.document().text()).isEqualTo("A plain note.\nSecond line.\n");
      assertThat(r.document().location()).endsWith("note.txt");
    });
  }
}
