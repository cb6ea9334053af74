package dev.quarry.ingest.readers;

import dev.quarry.core.Document;
import dev.quarry.core.DocumentIds;
import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.IngestRecord;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.html.DecodedText;
import dev.quarry.ingest.html.HtmlDecoder;
import dev.quarry.ingest.html.MainTextExtractor;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

/**
 * WARC and WET shards (jwarc). {@code response} records with an HTML payload go through main-text
 * extraction; {@code conversion} records (WET) are kept as they are; other record types are
 * counted as {@code skipped_<type>_record}. A record that cannot be read is counted under a
 * reason with its byte offset, and reading resumes at the next record boundary (the next gzip
 * member, or the next {@code WARC/1.} line in an uncompressed file).
 */
public final class WarcShardReader implements ShardReader {
  private static final long serialVersionUID = 1L;
  private final IngestSettings settings;

  public WarcShardReader(IngestSettings settings) {
    this.settings = settings;
  }

  @Override
  public RecordIterator open(RawFile file, Configuration conf) {
    return new Records(file, conf, settings);
  }

  private static final class Records extends RecordIterator {
    private final RawFile file;
    private final IngestSettings settings;
    private final MainTextExtractor extractor = new MainTextExtractor();
    private final HadoopFiles.SeekableChannel channel;
    private WarcReader reader;
    private String crawl;
    private WarcRecord pending;
    private boolean done;

    Records(RawFile file, Configuration conf, IngestSettings settings) {
      this.file = file;
      this.settings = settings;
      this.crawl = settings.crawl();
      FSDataInputStream in = HadoopFiles.open(file.uri(), conf);
      this.channel = new HadoopFiles.SeekableChannel(in, file.size());
    }

    @Override
    protected IngestRecord readNext() throws IOException {
      if (done) {
        return null;
      }
      if (file.size() == 0) {
        done = true;
        return IngestRecord.error("empty_file", file.uri() + "#0", "the file has no bytes");
      }
      long at = reader == null ? 0 : reader.position();
      try {
        if (reader == null) {
          reader = new WarcReader(channel);
          reader.setLenient(true);
        }
        WarcRecord record = pending;
        pending = null;
        if (record == null) {
          Optional<WarcRecord> next = reader.next();
          if (next.isEmpty()) {
            done = true;
            return null;
          }
          record = next.get();
        }
        at = reader.position();
        return convert(record, at);
      } catch (StackOverflowError e) {
        // A pathological page (nesting thousands deep) must not fail the task.
        return IngestRecord.error("extraction_failed", file.uri() + "#" + at,
            "stack overflow while parsing or extracting the page");
      } catch (IOException | RuntimeException e) {
        if (reader != null) {
          at = reader.position();
        }
        IngestRecord error = IngestRecord.error(reasonFor(e), file.uri() + "#" + at,
            e.getClass().getSimpleName() + ": " + e.getMessage());
        resynchronise(at + 1);
        return error;
      }
    }

    private IngestRecord convert(WarcRecord record, long offset) throws IOException {
      String location = file.uri() + "#" + offset;
      String idLocation = file.relativeName() + "#" + offset;
      long size = record.body().size();
      String type = record.type().toLowerCase(Locale.ROOT);
      if (record instanceof Warcinfo info) {
        if (crawl == null) {
          crawl = info.fields().first("isPartOf").orElse(null);
        }
        return IngestRecord.skipped("skipped_warcinfo_record", location, size);
      }
      if (!(record instanceof WarcResponse) && !(record instanceof WarcConversion)) {
        return IngestRecord.skipped("skipped_" + type.replaceAll("[^a-z0-9]+", "_") + "_record",
            location, size);
      }
      String url = ((org.netpreserve.jwarc.WarcTargetRecord) record).target();
      Document partial = new Document(DocumentIds.of(settings.source(), idLocation), null, url,
          settings.source(), crawl, location, record.id().toString(), record.date(), null, null,
          null, null);
      if (size > settings.maxRecordBytes()) {
        return IngestRecord.rejected("record_too_large", partial, size);
      }
      if (record instanceof WarcConversion conversion) {
        DecodedText decoded = HtmlDecoder.decodeText(readAll(conversion.body().stream(), size),
            conversion.contentType().parameters().get("charset"));
        return textDocument(partial, decoded, size, Map.of());
      }
      HttpResponse http = ((WarcResponse) record).http();
      if (http.status() < 200 || http.status() >= 300) {
        return IngestRecord.rejected("http_status_not_ok", partial, size);
      }
      MediaType type0 = http.contentType();
      byte[] payload = readAll(http.bodyDecoded().stream(), settings.maxRecordBytes());
      if (!HtmlDecoder.looksLikeHtml(type0 == null ? null : type0.base().toString(), payload)) {
        return IngestRecord.rejected("non_html_payload", partial, size);
      }
      String declared = type0 == null ? null : type0.parameters().get("charset");
      DecodedText decoded = HtmlDecoder.decodeHtml(payload, declared);
      if (decoded.mostlyInvalid()) {
        return IngestRecord.rejected("invalid_byte_sequence", partial, size);
      }
      MainTextExtractor.Extraction extraction = extractor.extract(decoded.text(), url);
      Map<String, String> tags = new HashMap<>();
      if (extraction.title() != null && !extraction.title().isBlank()) {
        tags.put("title", extraction.title());
      }
      tags.put("charset", decoded.charset());
      return textDocument(partial, new DecodedText(extraction.text(), decoded.charset(),
          decoded.malformed()), size, tags);
    }

    private IngestRecord textDocument(Document partial, DecodedText decoded, long size,
        Map<String, String> tags) {
      if (decoded.mostlyInvalid()) {
        return IngestRecord.rejected("invalid_byte_sequence", partial, size);
      }
      if (decoded.text().isBlank()) {
        return IngestRecord.rejected("no_text", partial, size);
      }
      Map<String, String> allTags = new HashMap<>(tags);
      if (decoded.malformed() > 0) {
        allTags.put("repaired_bytes", Long.toString(decoded.malformed()));
      }
      Document doc = new Document(partial.id(), decoded.text(), partial.url(), partial.source(),
          partial.crawl(), partial.location(), partial.warcRecordId(), partial.fetchedAt(), null,
          null, null, allTags);
      return IngestRecord.kept(doc, size);
    }

    private static byte[] readAll(InputStream in, long limit) throws IOException {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit));
    }

    private String reasonFor(Exception e) {
      boolean gzip = reader != null && reader.compression() == WarcCompression.GZIP;
      if (e instanceof ParsingException) {
        return "corrupt_warc_header";
      }
      if (e instanceof EOFException) {
        return gzip ? "truncated_gzip" : "truncated_record";
      }
      if (e instanceof ZipException) {
        return "corrupt_gzip";
      }
      if (e instanceof IOException) {
        return "read_error";
      }
      return "malformed_record";
    }

    /** Reads on at the next record boundary after {@code from} whose record parses. */
    private void resynchronise(long from) {
      Optional<WarcRecord> next = reader == null ? Optional.empty()
          : WarcResync.next(reader, channel, from);
      pending = next.orElse(null);
      done = next.isEmpty();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
