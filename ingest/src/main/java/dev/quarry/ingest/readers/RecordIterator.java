package dev.quarry.ingest.readers;

import dev.quarry.ingest.IngestRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Pull-style iterator over the records of one shard, so a partition holds one record at a time
 * whatever the shard's size. Subclasses implement {@link #computeNext()}, returning null at the
 * end; the iterator closes its resources when exhausted.
 */
public abstract class RecordIterator implements Iterator<IngestRecord>, Closeable {
  private IngestRecord next;
  private boolean finished;

  /** The next record, or null when the shard is done. Never throws for bad data. */
  protected abstract IngestRecord computeNext() throws IOException;

  @Override
  public final boolean hasNext() {
    if (next == null && !finished) {
      try {
        next = computeNext();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (next == null) {
        finished = true;
        try {
          close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return next != null;
  }

  @Override
  public final IngestRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    IngestRecord out = next;
    next = null;
    return out;
  }
}
