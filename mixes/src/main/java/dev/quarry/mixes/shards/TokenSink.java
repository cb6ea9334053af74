package dev.quarry.mixes.shards;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The token file of a shard, shared by both formats: checks each document, writes its tokens
 * and counts documents and tokens, summing the file as it goes.
 */
final class TokenSink {
  private final ChecksumOutputStream file;
  private final LittleEndianOutput out;
  private final TokenDtype dtype;
  private long documents;
  private long tokens;

  TokenSink(OutputStream file, TokenDtype dtype) {
    this.file = new ChecksumOutputStream(file);
    this.out = new LittleEndianOutput(this.file);
    this.dtype = dtype;
  }

  /** Appends one document; nothing is written when it is refused. */
  void add(int[] document, int length) throws IOException {
    if (length <= 0) {
      throw new IllegalArgumentException("document " + documents + " has " + length
          + " tokens: a document needs at least one (its end-of-document token)");
    }
    if (length > document.length) {
      throw new IllegalArgumentException("document " + documents + " has length " + length
          + " but its array holds only " + document.length + " tokens");
    }
    // Checked before anything is written, so a refused document leaves no partial tokens.
    int i = 0;
    try {
      for (; i < length; i++) {
        dtype.requireFits(document[i]);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("document " + documents + ", token " + i + ": "
          + e.getMessage(), e);
    }
    out.tokens(document, length, dtype);
    documents++;
    tokens += length;
  }

  long documents() {
    return documents;
  }

  long tokens() {
    return tokens;
  }

  /** Writes out what is buffered, closes the file and returns its sum. */
  FileSum finish() throws IOException {
    out.drain();
    file.close();
    return file.sum();
  }

  /** Closes the file without writing what is buffered, as when a shard is abandoned. */
  void abandon() throws IOException {
    file.close();
  }
}
