package dev.quarry.jobs.corpus;

import dev.quarry.ingest.warc.WarcRecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The bundled samples: a WARC (HTML captures with request/metadata records, non-HTML payloads,
 * a redirect, a 404, a windows-1252 page, an untyped page and one deliberately corrupt record),
 * the WET of the same captures, and a JSONL file of main texts. Everything derives from the
 * seed, so the same command regenerates the same files.
 */
public final class SampleCorpus {
  public static final String CRAWL = "QUARRY-SAMPLE-2026-11";
  private static final Instant EPOCH = Instant.parse("2026-10-01T00:00:00Z");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PageGenerator generator;
  private final long seed;

  public SampleCorpus(long seed) {
    this.seed = seed;
    this.generator = new PageGenerator(seed, TextMaterial.load());
  }

  /**
   * Writes warc/, wet/ and jsonl/ under {@code outputDir}, the pages split over {@code shards}
   * files per format; returns the files written. Pages are generated as they are written, so
   * memory does not grow with the size.
   */
  public List<String> write(Configuration conf, String outputDir, int pages, int shards) {
    List<String> written = new ArrayList<>();
    try {
      for (int shard = 0; shard < shards; shard++) {
        int from = (int) ((long) pages * shard / shards);
        int to = (int) ((long) pages * (shard + 1) / shards);
        String name = shards == 1 ? "quarry-sample" : String.format("quarry-sample-%05d", shard);
        written.add(writeWarc(conf, outputDir + "/warc/" + name + ".warc.gz", from, to));
        written.add(writeWet(conf, outputDir + "/wet/" + name + ".warc.wet.gz", from, to));
        written.add(writeJsonl(conf, outputDir + "/jsonl/" + name + ".jsonl", from, to));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write samples under " + outputDir, e);
    }
    return written;
  }

  /** What one page contributes to a WARC or WET file. */
  private interface PageRecords {
    void write(WarcRecordWriter w, GeneratedPage page, SplittableRandom rnd) throws IOException;
  }

  /** A gzipped WARC-format file: warcinfo, then each page's records. */
  private String writeWarcFile(Configuration conf, String file, int from, int to, long salt,
      PageRecords records) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed ^ salt ^ from);
    String name = file.substring(file.lastIndexOf('/') + 1);
    try (OutputStream out = create(conf, file);
        WarcRecordWriter w = new WarcRecordWriter(out, true)) {
      w.warcinfo(uuid(rnd), EPOCH, name, CRAWL);
      for (int i = from; i < to; i++) {
        records.write(w, generator.page(i), rnd);
        if (i == (from + to) / 2 && salt == WARC_SALT) {
          w.raw(corruptRecord());
        }
      }
    }
    return file;
  }

  private static final long WARC_SALT = 0x5741524CL;
  private static final long WET_SALT = 0x574554L;

  private String writeWarc(Configuration conf, String file, int from, int to)
      throws IOException {
    return writeWarcFile(conf, file, from, to, WARC_SALT, (w, page, rnd) -> {
      Instant date = EPOCH.plusSeconds(37L * page.index());
      UUID responseId = uuid(rnd);
      w.request(uuid(rnd), date, page.url());
      writePage(w, responseId, date, page);
      if (page.index() % 3 == 0) {
        w.metadata(uuid(rnd), date, page.url(), 120 + rnd.nextInt(900));
      }
      extras(w, page, date, rnd);
    });
  }

  private static void writePage(WarcRecordWriter w, UUID id, Instant date, GeneratedPage page)
      throws IOException {
    String html = page.html();
    boolean latin = page.index() % 11 == 5 && WINDOWS_1252.newEncoder().canEncode(html);
    if (latin) {
      byte[] body = html.replace("<meta charset=\"utf-8\">",
          "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")
          .getBytes(WINDOWS_1252);
      w.response(id, date, page.url(), 200, "text/html; charset=windows-1252", body);
    } else if (page.index() % 23 == 7) {
      w.response(id, date, page.url(), 200, null, html.getBytes(StandardCharsets.UTF_8));
    } else {
      w.response(id, date, page.url(), 200, "text/html; charset=utf-8",
          html.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Captures that are not documents: the reader must count them under a named reason. */
  private static void extras(WarcRecordWriter w, GeneratedPage page, Instant date,
      SplittableRandom rnd) throws IOException {
    String site = page.url().replaceAll("^(https://[^/]+).*$", "$1");
    switch (page.index() % 25) {
      case 3 -> w.response(uuid(rnd), date, site + "/robots.txt", 200, "text/plain",
          "User-agent: *\nDisallow: /admin/\n".getBytes(StandardCharsets.US_ASCII));
      case 8 -> w.response(uuid(rnd), date, site + "/files/report.pdf", 200, "application/pdf",
          ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
              .getBytes(StandardCharsets.US_ASCII));
      case 13 -> w.response(uuid(rnd), date, site + "/img/logo.png", 200, "image/png",
          new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d});
      case 17 -> w.response(uuid(rnd), date, site + "/api/weather.json", 200,
          "application/json", "{\"temp\": 12.5, \"unit\": \"C\"}".getBytes(StandardCharsets.UTF_8));
      case 20 -> w.response(uuid(rnd), date, site + "/old-page", 301, "text/html",
          "<html><body>Moved</body></html>".getBytes(StandardCharsets.US_ASCII));
      case 22 -> w.response(uuid(rnd), date, site + "/missing", 404, "text/html",
          "<html><body><h1>Not found</h1></body></html>".getBytes(StandardCharsets.US_ASCII));
      default -> { }
    }
  }

  /** A gzip member whose WARC header is garbage: readers must count it and resume after it. */
  static byte[] corruptRecord() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(("WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2026-10-01T00:00:00Z\r\n"
          + "Content-Length twelve\r\n\u0001\u0002 broken header line\r\n\r\nHTTP/1.1 200 OK"
          + "\r\n\r\n<html>lost</html>\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    return bytes.toByteArray();
  }

  private String writeWet(Configuration conf, String file, int from, int to)
      throws IOException {
    return writeWarcFile(conf, file, from, to, WET_SALT, (w, page, rnd) ->
        w.conversion(uuid(rnd), EPOCH.plusSeconds(37L * page.index()), page.url(), uuid(rnd),
            page.visibleText()));
  }

  private String writeJsonl(Configuration conf, String file, int from, int to)
      throws IOException {
    try (OutputStream out = create(conf, file)) {
      for (int i = from; i < to; i++) {
        GeneratedPage page = generator.page(i);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.format("sample-%06d", page.index()));
        row.put("url", page.url());
        row.put("text", page.mainText());
        row.put("lang", page.lang());
        row.put("kind", page.kind().name().toLowerCase());
        out.write(JSON.writeValueAsBytes(row));
        out.write('\n');
      }
    }
    return file;
  }

  private static OutputStream create(Configuration conf, String file) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    fs.setWriteChecksum(false);
    return fs.create(path, true);
  }

  private static UUID uuid(SplittableRandom rnd) {
    return new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L,
        (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
  }
}
