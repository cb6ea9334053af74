package dev.quarry.mixes.shards;

import dev.quarry.core.Hashing;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Passes bytes on to another stream while counting them and hashing them with SHA-256, so a
 * writer knows its file's {@link FileSum} when it closes without reading the file again.
 */
public final class ChecksumOutputStream extends OutputStream {
  private final OutputStream out;
  private final MessageDigest digest = Hashing.sha256();
  private long bytes;
  private FileSum sum;

  public ChecksumOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    requireOpen();
    out.write(b);
    digest.update((byte) b);
    bytes++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    requireOpen();
    out.write(b, off, len);
    digest.update(b, off, len);
    bytes += len;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Closes the wrapped stream and fixes the sum; closing again does nothing. */
  @Override
  public void close() throws IOException {
    if (sum != null) {
      return;
    }
    // The sum is fixed before closing so that a failing close still leaves it readable.
    sum = new FileSum(bytes, HexFormat.of().formatHex(digest.digest()));
    out.close();
  }

  /** The bytes written and their SHA-256; only once closed, as more bytes would change it. */
  public FileSum sum() {
    if (sum == null) {
      throw new IllegalStateException("the stream is still open: close it before asking for"
          + " its sum");
    }
    return sum;
  }

  private void requireOpen() throws IOException {
    if (sum != null) {
      throw new IOException("the stream is closed: its sum is final, nothing more can be"
          + " written");
    }
  }
}
