package dev.quarry.ingest.readers;

import dev.quarry.core.LookaheadIterator;
import dev.quarry.ingest.IngestRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Pull-style iterator over the records of one shard, so a partition holds one record at a time
 * whatever the shard's size. Subclasses implement {@link #readNext()}, returning null at the
 * end; the iterator closes its resources when exhausted.
 */
public abstract class RecordIterator extends LookaheadIterator<IngestRecord>
    implements Closeable {

  /** The next record, or null when the shard is done. Never throws for bad data. */
  protected abstract IngestRecord readNext() throws IOException;

  @Override
  protected final IngestRecord computeNext() {
    try {
      return readNext();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected final void onEnd() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
