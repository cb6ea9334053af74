package dev.quarry.ingest.readers;

import dev.quarry.core.Document;
import dev.quarry.core.DocumentIds;
import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.IngestRecord;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.html.DecodedText;
import dev.quarry.ingest.html.HtmlDecoder;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;

/** Plain text files ({@code .gz}/{@code .zst} too): each file is one UTF-8 document. */
public final class TextFileReader implements ShardReader {
  private static final long serialVersionUID = 1L;
  private final IngestSettings settings;

  public TextFileReader(IngestSettings settings) {
    this.settings = settings;
  }

  @Override
  public RecordIterator open(RawFile file, Configuration conf) {
    return new RecordIterator() {
      private boolean done;

      @Override
      protected IngestRecord readNext() {
        if (done) {
          return null;
        }
        done = true;
        return read(file, conf);
      }

      @Override
      public void close() {}
    };
  }

  private IngestRecord read(RawFile file, Configuration conf) {
    String location = file.uri();
    if (file.size() == 0) {
      return IngestRecord.error("empty_file", location, "the file has no bytes");
    }
    Document partial = new Document(DocumentIds.of(settings.source(), file.relativeName()), null,
        null, settings.source(), settings.crawl(), location, null, null, null, null, null, null);
    byte[] bytes;
    try (InputStream in = HadoopFiles.decompressed(HadoopFiles.open(file.uri(), conf))) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, settings.maxRecordBytes() + 1));
      if (bytes.length > settings.maxRecordBytes()) {
        return IngestRecord.rejected("record_too_large", partial, bytes.length);
      }
    } catch (IOException e) {
      return IngestRecord.error(e instanceof EOFException ? "truncated_gzip" : "read_error",
          location, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    DecodedText decoded = HtmlDecoder.decodeText(bytes, "utf-8");
    if (decoded.mostlyInvalid()) {
      return IngestRecord.rejected("invalid_byte_sequence", partial, bytes.length);
    }
    if (decoded.text().isBlank()) {
      return IngestRecord.rejected("no_text", partial, bytes.length);
    }
    return IngestRecord.kept(partial.withText(decoded.text()), bytes.length);
  }
}
