package dev.quarry.ingest;

import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.warc.WarcRecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Small raw shards, good and bad, written into a test's temporary directory. */
public final class Fixtures {
  public static final Instant DATE = Instant.parse("2026-01-02T03:04:05Z");
  private static int ids;

  private Fixtures() {}

  public static String page(String title, String... paragraphs) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<title>").append(title).append("</title><script>var x = 1;</script></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/about\">About</a>"
        + "</nav><main><article><h1>").append(title).append("</h1>");
    for (String p : paragraphs) {
      sb.append("<p>").append(p).append("</p>");
    }
    return sb.append("</article></main><footer>© 2026 Example Media. All rights reserved."
        + "</footer></body></html>").toString();
  }

  public static final String PARAGRAPH = "The harbour authority confirmed on Tuesday that the "
      + "old pier will reopen next spring after two years of repairs, and fishermen welcomed "
      + "the news with cautious optimism.";

  public static UUID uuid() {
    return new UUID(0x1234L, ++ids);
  }

  /** A gzipped WARC: warcinfo, then request + response for each HTML page. */
  public static Path warc(Path file, String crawl, String... titles) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        WarcRecordWriter w = new WarcRecordWriter(out, true)) {
      w.warcinfo(uuid(), DATE, file.getFileName().toString(), crawl);
      for (int i = 0; i < titles.length; i++) {
        String url = "https://news.example/" + i;
        w.request(uuid(), DATE, url);
        w.response(uuid(), DATE, url, 200, "text/html; charset=utf-8",
            page(titles[i], PARAGRAPH).getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  public interface RecordWriting {
    void write(WarcRecordWriter w) throws IOException;
  }

  public static Path warc(Path file, RecordWriting records) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        WarcRecordWriter w = new WarcRecordWriter(out, true)) {
      records.write(w);
    }
    return file;
  }

  public static void htmlResponse(WarcRecordWriter w, String url, String html) throws IOException {
    w.response(uuid(), DATE, url, 200, "text/html; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8));
  }

  /** One gzip member holding a WARC header that does not parse. */
  public static byte[] corruptRecordMember() throws IOException {
    return gzip(("WARC/1.0\r\nWARC-Type: response\r\nContent-Length twelve\r\n\u0001 garbage"
        + "\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  public static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /** Cuts {@code keep} bytes off the end of a file (a truncated download). */
  public static Path truncate(Path file, int cut) throws IOException {
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, all.length - cut));
    return file;
  }

  public static RawFile raw(Path file) {
    try {
      return new RawFile("file:" + file.toAbsolutePath(), file.getFileName().toString(),
          Files.size(file), Files.getLastModifiedTime(file).toMillis());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static IngestSettings settings(InputFormat format, String... inputs) {
    return new IngestSettings("test", format, List.of(inputs), null, null, null, null, null,
        1.0);
  }
}
