package dev.quarry.ingest.readers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ingest.Fixtures;
import dev.quarry.ingest.IngestRecord;
import dev.quarry.ingest.IngestRecord.Status;
import dev.quarry.ingest.InputFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcShardReaderTest {
  @TempDir
  Path dir;

  private List<IngestRecord> read(Path file) {
    RecordIterator it = new WarcShardReader(Fixtures.settings(InputFormat.WARC, file.toString()))
        .open(Fixtures.raw(file), new Configuration());
    List<IngestRecord> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static List<String> outcomes(List<IngestRecord> records) {
    return records.stream().map(r -> r.status() == Status.KEPT ? "kept"
        : r.status().name().toLowerCase() + ":" + r.reason()).toList();
  }

  @Test
  void htmlResponsesBecomeDocumentsWithWarcMetadata() throws Exception {
    Path file = Fixtures.warc(dir.resolve("a.warc.gz"), "CC-MAIN-2026-01", "First", "Second");
    List<IngestRecord> records = read(file);
    assertThat(outcomes(records)).containsExactly("rejected:skipped_warcinfo_record",
        "rejected:skipped_request_record", "kept", "rejected:skipped_request_record", "kept");
    IngestRecord first = records.get(2);
    assertThat(first.document().text()).isEqualTo("First\n\n" + Fixtures.PARAGRAPH);
    assertThat(first.document().url()).isEqualTo("https://news.example/0");
    assertThat(first.document().crawl()).isEqualTo("CC-MAIN-2026-01");
    assertThat(first.document().fetchedAt()).isEqualTo(Fixtures.DATE);
    assertThat(first.document().warcRecordId()).startsWith("urn:uuid:");
    assertThat(first.document().tags()).containsEntry("title", "First");
    assertThat(first.document().location()).matches("file:.*a\\.warc\\.gz#\\d+");
    // The offset in the location is where the record's gzip member starts.
    long offset = Long.parseLong(first.location().replaceAll(".*#", ""));
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[(int) offset] & 0xff).isEqualTo(0x1f);
    assertThat(bytes[(int) offset + 1] & 0xff).isEqualTo(0x8b);
  }

  @Test
  void corruptHeaderIsCountedAndReadingResumesAtTheNextRecord() throws Exception {
    Path file = Fixtures.warc(dir.resolve("c.warc.gz"), w -> {
      Fixtures.htmlResponse(w, "https://a.example/", Fixtures.page("Before", Fixtures.PARAGRAPH));
      w.raw(Fixtures.corruptRecordMember());
      Fixtures.htmlResponse(w, "https://b.example/", Fixtures.page("After", Fixtures.PARAGRAPH));
    });
    List<IngestRecord> records = read(file);
    assertThat(outcomes(records)).containsExactly("kept", "error:corrupt_warc_header", "kept");
    assertThat(records.get(1).location()).matches("file:.*c\\.warc\\.gz#\\d+");
    assertThat(records.get(2).document().text()).startsWith("After");
  }

  @Test
  void truncatedGzipMemberIsCountedAndEarlierRecordsKept() throws Exception {
    Path file = Fixtures.truncate(Fixtures.warc(dir.resolve("t.warc.gz"), "X", "One", "Two"), 60);
    List<String> outcomes = outcomes(read(file));
    assertThat(outcomes).startsWith("rejected:skipped_warcinfo_record",
        "rejected:skipped_request_record", "kept", "rejected:skipped_request_record");
    assertThat(outcomes).last().isEqualTo("error:truncated_gzip");
  }

  @Test
  void emptyFileIsOneNamedError() throws Exception {
    Path file = Files.write(dir.resolve("empty.warc.gz"), new byte[0]);
    assertThat(outcomes(read(file))).containsExactly("error:empty_file");
  }

  @Test
  void nonHtmlRedirectAndBadBytesAreRejectedByName() throws Exception {
    byte[] garbage = new byte[4000];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i % 2 == 0 ? 0xC3 : 0x28);
    }
    byte[] invalidHtml = ("<html><body><p>" + new String(garbage, StandardCharsets.ISO_8859_1)
        + "</p></body></html>").getBytes(StandardCharsets.ISO_8859_1);
    Path file = Fixtures.warc(dir.resolve("n.warc.gz"), w -> {
      w.response(Fixtures.uuid(), Fixtures.DATE, "https://x/a.pdf", 200, "application/pdf",
          "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
      w.response(Fixtures.uuid(), Fixtures.DATE, "https://x/old", 301, "text/html",
          "<html>moved</html>".getBytes(StandardCharsets.US_ASCII));
      w.response(Fixtures.uuid(), Fixtures.DATE, "https://x/bad", 200,
          "text/html; charset=utf-8", invalidHtml);
      w.response(Fixtures.uuid(), Fixtures.DATE, "https://x/untyped", 200, null,
          Fixtures.page("Untyped", Fixtures.PARAGRAPH).getBytes(StandardCharsets.UTF_8));
    });
    assertThat(outcomes(read(file))).containsExactly("rejected:non_html_payload",
        "rejected:http_status_not_ok", "rejected:invalid_byte_sequence", "kept");
  }

  @Test
  void latin1PageIsDecodedByItsDeclaredCharset() throws Exception {
    String html = Fixtures.page("Grüße aus Köln", "Über die Brücke geht's zur Straße.");
    Path file = Fixtures.warc(dir.resolve("l.warc.gz"), w -> w.response(Fixtures.uuid(),
        Fixtures.DATE, "https://x/de", 200, "text/html; charset=ISO-8859-1",
        html.replace("utf-8", "iso-8859-1").getBytes(StandardCharsets.ISO_8859_1)));
    IngestRecord record = read(file).get(0);
    assertThat(record.document().text()).isEqualTo(
        "Grüße aus Köln\n\nÜber die Brücke geht's zur Straße.");
  }

  @Test
  void recordLargerThanTheBoundIsRejectedUnread() throws Exception {
    int size = 200 << 20;
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) 'a');
    Path file = Fixtures.warc(dir.resolve("big.warc.gz"), w -> {
      w.response(Fixtures.uuid(), Fixtures.DATE, "https://x/huge", 200, "text/html", body);
      Fixtures.htmlResponse(w, "https://x/next", Fixtures.page("Next", Fixtures.PARAGRAPH));
    });
    List<IngestRecord> records = read(file);
    assertThat(outcomes(records)).containsExactly("rejected:record_too_large", "kept");
    assertThat(records.get(0).recordBytes()).isGreaterThan(size);
  }
}
