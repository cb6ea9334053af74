package dev.quarry.mixes.shards;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the documents of a token file one after another, given where each starts, into one
 * array that grows to the longest document.
 */
final class DocumentStream {
  private final LittleEndianInput in;
  private final TokenDtype dtype;
  private final String name;
  private int[] tokens = new int[1024];

  DocumentStream(InputStream in, TokenDtype dtype, String name) {
    this.in = new LittleEndianInput(in, name);
    this.dtype = dtype;
    this.name = name;
  }

  /** Reads document {@code index} of {@code length} tokens from byte {@code start} on. */
  void read(int index, long start, long length, DocumentConsumer consumer) throws IOException {
    long position = in.position();
    if (start < position) {
      // Going back would need a seekable stream; a good shard never asks for it.
      throw new ShardFormatException("document " + index + " starts at byte " + start
          + " of the " + name + ", inside the document before it (which ends at byte "
          + position + "): the index is corrupt; check the shard for its problems");
    }
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new ShardFormatException("document " + index + " has " + length
          + " tokens, which no array can hold: the index is corrupt; check the shard for its"
          + " problems");
    }
    in.skip(start - position);
    int n = (int) length;
    if (n > tokens.length) {
      tokens = Arrays.copyOf(tokens, Math.max(n, tokens.length * 2));
    }
    in.tokens(tokens, n, dtype);
    consumer.accept(index, tokens, n);
  }
}
