package dev.quarry.mixes.shards;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the documents of a Megatron shard's {@code .bin}, in order, where its index says
 * they are; for round trips, verification and tracing a document back to its tokens.
 */
public final class MegatronShardReader {
  private final MegatronIndex index;
  private final DocumentStream bin;

  /** A reader of {@code bin}, which it does not close, laid out by {@code index}. */
  public MegatronShardReader(MegatronIndex index, InputStream bin) {
    this.index = index;
    this.bin = new DocumentStream(bin, index.dtype(), ".bin");
  }

  /** Passes every document to {@code consumer}, in order; call once. */
  public void forEachDocument(DocumentConsumer consumer) throws IOException {
    for (int i = 0; i < index.sequenceCount(); i++) {
      bin.read(i, index.pointer(i), index.length(i), consumer);
    }
  }
}
