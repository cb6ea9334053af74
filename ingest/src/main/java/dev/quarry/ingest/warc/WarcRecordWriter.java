package dev.quarry.ingest.warc;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes WARC/WET files the way Common Crawl lays them out (warcinfo first; request, response and
 * metadata per capture; one gzip member per record), for generated corpora and tests. Record
 * ids are supplied by the caller so output is deterministic.
 */
public final class WarcRecordWriter implements Closeable {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private final WritableByteChannel channel;
  private final WarcWriter writer;

  public WarcRecordWriter(OutputStream out, boolean gzip) throws IOException {
    this.channel = Channels.newChannel(out);
    this.writer = new WarcWriter(channel, gzip ? WarcCompression.GZIP : WarcCompression.NONE);
  }

  public void warcinfo(UUID id, Instant date, String filename, String crawl) throws IOException {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("software", List.of("quarry sample generator"));
    fields.put("format", List.of("WARC File Format 1.1"));
    fields.put("isPartOf", List.of(crawl));
    writer.write(new Warcinfo.Builder().recordId(id).date(date).filename(filename)
        .fields(fields).build());
  }

  public void request(UUID id, Instant date, String url) throws IOException {
    URI uri = URI.create(url);
    String http = "GET " + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
        : uri.getRawPath()) + " HTTP/1.1\r\nHost: " + uri.getHost()
        + "\r\nUser-Agent: QuarrySampleBot/1.0\r\nAccept: text/html,*/*\r\n\r\n";
    writer.write(new WarcRequest.Builder(uri).recordId(id).date(date)
        .body(MediaType.HTTP_REQUEST, http.getBytes(StandardCharsets.US_ASCII)).build());
  }

  /** A response record; {@code contentType} null omits the header. */
  public void response(UUID id, Instant date, String url, int status, String contentType,
      byte[] body) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
        .append(status == 200 ? "OK" : status == 301 ? "Moved Permanently"
            : status == 404 ? "Not Found" : "Status").append("\r\n")
        .append("Date: ").append(HTTP_DATE.format(date)).append("\r\n")
        .append("Server: nginx\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (status == 301) {
      head.append("Location: ").append(url).append("/\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    writer.write(new WarcResponse.Builder(URI.create(url)).recordId(id).date(date)
        .body(MediaType.HTTP_RESPONSE, all).build());
  }

  public void metadata(UUID id, Instant date, String url, double fetchTimeMs) throws IOException {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("fetchTimeMs", List.of(Long.toString(Math.round(fetchTimeMs))));
    writer.write(new WarcMetadata.Builder().recordId(id).date(date).targetURI(url)
        .fields(fields).build());
  }

  /** A WET conversion record: extracted plain text of a capture. */
  public void conversion(UUID id, Instant date, String url, UUID refersTo, String text)
      throws IOException {
    writer.write(new WarcConversion.Builder().recordId(id).date(date)
        .addHeader("WARC-Target-URI", url)
        .refersTo(URI.create("urn:uuid:" + refersTo))
        .body(MediaType.parse("text/plain"), text.getBytes(StandardCharsets.UTF_8)).build());
  }

  /** Raw bytes between records (used to plant a corrupt record). */
  public void raw(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
