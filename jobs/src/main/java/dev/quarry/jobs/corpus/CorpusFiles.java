package dev.quarry.jobs.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.core.storage.StreamOutputFile;
import dev.quarry.ingest.warc.WarcRecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes a range of generated pages in each corpus format, and the ground truth about them.
 * Every byte derives from the seed, the mix and the page range, so the same call writes the
 * same bytes.
 *
 * <ul>
 *   <li>WARC: Common Crawl's layout — warcinfo, then per capture a request, the response and
 *       (every third) a metadata record; now and then a robots.txt, PDF, PNG, JSON, redirect or
 *       404 capture; every eleventh page in windows-1252, every 23rd without a Content-Type.
 *   <li>WET: one conversion record per page with the page's visible text.
 *   <li>JSONL and Parquet: {@code id}, {@code url}, {@code date}, {@code text} (the main text).
 * </ul>
 *
 * <p>The truth about the pages is written by {@link TruthWriter}.
 */
public final class CorpusFiles {
  public static final String SYNTHETIC_CRAWL = "QUARRY-SYNTHETIC";
  private static final Instant EPOCH = Instant.parse("2026-10-01T00:00:00Z");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WARC_SALT = 0x5741524CL;
  private static final long WET_SALT = 0x574554L;
  static final MessageType PARQUET_SCHEMA = Types.buildMessage()
      .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
      .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("url")
      .required(PrimitiveTypeName.INT64)
      .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
      .named("date")
      .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("text")
      .named("document");

  private final long seed;
  private final String crawl;
  private final PageGenerator generator;

  /** {@code crawl} goes into each WARC/WET file's warcinfo record as {@code isPartOf}. */
  public CorpusFiles(long seed, CorpusMix mix, String crawl) {
    this.seed = seed;
    this.crawl = crawl;
    this.generator = new PageGenerator(seed, TextMaterial.load(), mix);
  }

  /** The file formats a corpus can be written in. */
  public enum Format {
    WARC(".warc.gz"), WET(".warc.wet.gz"), JSONL(".jsonl"), PARQUET(".parquet");

    public final String extension;

    Format(String extension) {
      this.extension = extension;
    }
  }

  /**
   * Writes pages [from, to) in the format, handing each page to {@code onPage} as well (for the
   * truth and the stats); the WARC may carry one corrupt record mid-file.
   */
  public void write(Format format, OutputStream out, String fileName, int from, int to,
      boolean plantCorruptRecord, Consumer<GeneratedPage> onPage) throws IOException {
    Pages pages = new Pages(from, to, onPage);
    switch (format) {
      case WARC -> writeWarc(out, fileName, pages, plantCorruptRecord);
      case WET -> writeWet(out, fileName, pages);
      case JSONL -> writeJsonl(out, pages);
      case PARQUET -> writeParquet(out, pages);
    }
  }

  /** Pages [from, to), each generated once and shown to the observer. */
  private final class Pages {
    final int from;
    final int to;
    private final Consumer<GeneratedPage> onPage;

    Pages(int from, int to, Consumer<GeneratedPage> onPage) {
      this.from = from;
      this.to = to;
      this.onPage = onPage;
    }

    GeneratedPage get(int index) {
      GeneratedPage page = generator.page(index);
      onPage.accept(page);
      return page;
    }
  }

  public static OutputStream create(Configuration conf, String file) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    fs.setWriteChecksum(false);
    return fs.create(path, true);
  }

  private void writeWarc(OutputStream out, String fileName, Pages pages,
      boolean plantCorruptRecord) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed ^ WARC_SALT ^ pages.from);
    try (WarcRecordWriter w = new WarcRecordWriter(out, true)) {
      w.warcinfo(uuid(rnd), EPOCH, fileName, crawl);
      for (int i = pages.from; i < pages.to; i++) {
        GeneratedPage page = pages.get(i);
        Instant date = date(i);
        UUID responseId = uuid(rnd);
        w.request(uuid(rnd), date, page.url());
        writeResponse(w, responseId, date, page);
        if (i % 3 == 0) {
          w.metadata(uuid(rnd), date, page.url(), 120 + rnd.nextInt(900));
        }
        extras(w, page, date, rnd);
        if (plantCorruptRecord && i == (pages.from + pages.to) / 2) {
          w.raw(corruptRecord());
        }
      }
    }
  }

  private void writeWet(OutputStream out, String fileName, Pages pages) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed ^ WET_SALT ^ pages.from);
    try (WarcRecordWriter w = new WarcRecordWriter(out, true)) {
      w.warcinfo(uuid(rnd), EPOCH, fileName, crawl);
      for (int i = pages.from; i < pages.to; i++) {
        GeneratedPage page = pages.get(i);
        w.conversion(uuid(rnd), date(i), page.url(), uuid(rnd), page.visibleText());
      }
    }
  }

  private void writeJsonl(OutputStream out, Pages pages) throws IOException {
    try (out) {
      for (int i = pages.from; i < pages.to; i++) {
        GeneratedPage page = pages.get(i);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", page.id());
        row.put("url", page.url());
        row.put("date", date(i).toString());
        row.put("text", page.mainText());
        jsonLine(out, row);
      }
    }
  }

  private void writeParquet(OutputStream out, Pages pages) throws IOException {
    SimpleGroupFactory rows = new SimpleGroupFactory(PARQUET_SCHEMA);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new StreamOutputFile(out))
        .withType(PARQUET_SCHEMA).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withConf(new Configuration(false)).build()) {
      for (int i = pages.from; i < pages.to; i++) {
        GeneratedPage page = pages.get(i);
        Instant date = date(i);
        writer.write(rows.newGroup().append("id", page.id()).append("url", page.url())
            .append("date", date.getEpochSecond() * 1_000_000L).append("text", page.mainText()));
      }
    }
  }

  private static Instant date(int index) {
    return EPOCH.plusSeconds(37L * index);
  }

  static void jsonLine(OutputStream out, Map<String, Object> row) throws IOException {
    out.write(JSON.writeValueAsBytes(row));
    out.write('\n');
  }

  private static void writeResponse(WarcRecordWriter w, UUID id, Instant date,
      GeneratedPage page) throws IOException {
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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(("WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2026-10-01T00:00:00Z\r\n"
          + "Content-Length twelve\r\n\u0001\u0002 broken header line\r\n\r\nHTTP/1.1 200 OK"
          + "\r\n\r\n<html>lost</html>\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    return bytes.toByteArray();
  }

  private static UUID uuid(SplittableRandom rnd) {
    return new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L,
        (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
  }
}
