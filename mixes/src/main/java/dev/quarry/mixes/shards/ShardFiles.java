package dev.quarry.mixes.shards;

import java.io.Closeable;
import java.io.IOException;

/**
 * The two files of a shard being written, the token file and the index or metadata beside it,
 * which are finished or abandoned together: whatever fails, both streams end up closed.
 */
final class ShardFiles implements Closeable {
  private final TokenSink tokens;
  private final Closeable companion;
  private boolean closed;

  /** What a writer does to finish once the token file is complete. */
  interface Ending<R> {
    R end(long documents, long tokens, FileSum tokenFile) throws IOException;
  }

  ShardFiles(TokenSink tokens, Closeable companion) {
    this.tokens = tokens;
    this.companion = companion;
  }

  /** The token file, while the shard is open. */
  TokenSink tokens() {
    if (closed) {
      throw new IllegalStateException("the shard is already finished or closed: start a new"
          + " writer for more documents");
    }
    return tokens;
  }

  /** Completes the token file, then runs {@code ending}, and closes both files. */
  <R> R finish(Ending<R> ending) throws IOException {
    TokenSink open = tokens();
    try {
      FileSum sum = open.finish();
      return ending.end(open.documents(), open.tokens(), sum);
    } finally {
      // Closing twice does nothing; after a failure it releases what is still open.
      close();
    }
  }

  /** Closes both files; before {@link #finish}, this abandons the shard. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      tokens.abandon();
    } finally {
      companion.close();
    }
  }
}
