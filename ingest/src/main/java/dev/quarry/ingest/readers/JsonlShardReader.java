package dev.quarry.ingest.readers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdIOException;
import dev.quarry.core.Document;
import dev.quarry.core.DocumentIds;
import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.IngestRecord;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.html.DecodedText;
import dev.quarry.ingest.html.HtmlDecoder;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;

/**
 * JSON Lines shards (plain, {@code .gz} or {@code .zst}): one document per line, the text in a
 * configurable field. Locations are {@code <file>:<line>} (1-based). Lines longer than
 * max_record_bytes are skipped without being buffered.
 */
public final class JsonlShardReader implements ShardReader {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final IngestSettings settings;

  public JsonlShardReader(IngestSettings settings) {
    this.settings = settings;
  }

  @Override
  public RecordIterator open(RawFile file, Configuration conf) {
    return new Lines(file, conf, settings);
  }

  private static final class Lines extends RecordIterator {
    private final RawFile file;
    private final IngestSettings settings;
    private final InputStream raw;
    private InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 14);
    private long lineNumber;
    private boolean done;

    Lines(RawFile file, Configuration conf, IngestSettings settings) {
      this.file = file;
      this.settings = settings;
      this.raw = HadoopFiles.open(file.uri(), conf);
    }

    @Override
    protected IngestRecord readNext() {
      while (!done) {
        if (file.size() == 0) {
          done = true;
          return IngestRecord.error("empty_file", file.uri() + ":0", "the file has no bytes");
        }
        String location = file.uri() + ":" + (lineNumber + 1);
        long length;
        try {
          if (in == null) {
            in = HadoopFiles.decompressed(raw);
          }
          length = readLine();
        } catch (IOException e) {
          done = true;
          return IngestRecord.error(reasonFor(e), location,
              e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (length < 0) {
          done = true;
          return null;
        }
        lineNumber++;
        IngestRecord record = parse(location, length);
        if (record != null) {
          return record;
        }
      }
      return null;
    }

    /** Reads one line into {@link #line}; returns its full length, or -1 at end of input. */
    private long readLine() throws IOException {
      line.reset();
      long length = 0;
      int b;
      boolean any = false;
      while ((b = in.read()) >= 0) {
        any = true;
        if (b == '\n') {
          return length;
        }
        if (length < settings.maxRecordBytes()) {
          line.write(b);
        }
        length++;
      }
      return any ? length : -1;
    }

    /** Null for blank lines, which are separators, not records. */
    private IngestRecord parse(String location, long length) {
      String idLocation = file.relativeName() + ":" + lineNumber;
      if (length > settings.maxRecordBytes()) {
        return IngestRecord.rejected("record_too_large", partial(location, idLocation, null, null),
            length);
      }
      byte[] bytes = line.toByteArray();
      DecodedText decoded = HtmlDecoder.decodeText(bytes, "utf-8");
      if (decoded.text().isBlank()) {
        return null;
      }
      if (decoded.malformed() > 0) {
        return IngestRecord.error("invalid_utf8", location,
            decoded.malformed() + " invalid UTF-8 sequence(s)");
      }
      JsonNode node;
      try {
        node = JSON.readTree(decoded.text());
      } catch (JsonProcessingException e) {
        return IngestRecord.error("invalid_json", location, e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        return IngestRecord.error("invalid_json", location, "line is not a JSON object");
      }
      String url = textOrNull(node, settings.urlField());
      String sourceId = textOrNull(node, settings.idField());
      Document partial = partial(location, idLocation, url, sourceId);
      JsonNode text = node.get(settings.textField());
      if (text == null || !text.isTextual()) {
        return IngestRecord.rejected("missing_text_field", partial, length);
      }
      if (text.asText().isBlank()) {
        return IngestRecord.rejected("no_text", partial, length);
      }
      return IngestRecord.kept(partial.withText(text.asText()), length);
    }

    private Document partial(String location, String idLocation, String url, String sourceId) {
      Map<String, String> tags = new HashMap<>();
      if (sourceId != null) {
        tags.put("source_id", sourceId);
      }
      return new Document(DocumentIds.of(settings.source(), idLocation), null, url,
          settings.source(), settings.crawl(), location, null, null, null, null, null, tags);
    }

    private static String textOrNull(JsonNode node, String field) {
      JsonNode value = field == null ? null : node.get(field);
      return value == null || value.isNull() ? null : value.asText();
    }

    private static String reasonFor(IOException e) {
      if (e instanceof EOFException) {
        return "truncated_gzip";
      }
      if (e instanceof ZipException) {
        return "corrupt_gzip";
      }
      if (e instanceof ZstdIOException) {
        return "corrupt_zstd";
      }
      return "read_error";
    }

    @Override
    public void close() throws IOException {
      (in != null ? in : raw).close();
    }
  }

}
