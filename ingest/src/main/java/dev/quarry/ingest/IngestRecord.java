package dev.quarry.ingest;

import dev.quarry.core.Document;
import java.io.Serializable;

/**
 * What became of one input record: a kept document, a rejected one (with a reason; the partial
 * document, if there was one, goes to {@code _rejected/}), or an unreadable one (an error with a
 * reason, at {@code location}).
 */
public record IngestRecord(
    Status status, String reason, Document document, String location, long recordBytes,
    String detail) implements Serializable {

  public enum Status { KEPT, REJECTED, ERROR }

  public static IngestRecord kept(Document doc, long recordBytes) {
    return new IngestRecord(Status.KEPT, null, doc, doc.location(), recordBytes, null);
  }

  /** A rejected record that was a document candidate; it is written to {@code _rejected/}. */
  public static IngestRecord rejected(String reason, Document partial, long recordBytes) {
    return new IngestRecord(Status.REJECTED, reason, partial, partial.location(), recordBytes,
        null);
  }

  /** A record that is not a document at all (e.g. a WARC request); counted, not written. */
  public static IngestRecord skipped(String reason, String location, long recordBytes) {
    return new IngestRecord(Status.REJECTED, reason, null, location, recordBytes, null);
  }

  public static IngestRecord error(String reason, String location, String detail) {
    return new IngestRecord(Status.ERROR, reason, null, location, 0, detail);
  }
}
