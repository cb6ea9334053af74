package dev.quarry.mixes.shards;

import dev.quarry.core.Hashing;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes every byte of a file while a reader checks it, so that a verifier reads each file
 * once: bytes a reader skips are read through and hashed too, and {@link #finish} reads what
 * the reader left and gives the whole file's {@link FileSum}.
 */
public final class ChecksumInputStream extends FilterInputStream {
  private final MessageDigest digest = Hashing.sha256();
  private final byte[] skipBuffer = new byte[1 << 16];
  private long bytes;

  public ChecksumInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      digest.update((byte) b);
      bytes++;
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
      bytes += n;
    }
    return n;
  }

  /** Reads the skipped bytes, so that they are hashed. */
  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      int read = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads to the end and returns the size and SHA-256 of every byte the stream held. */
  public FileSum finish() throws IOException {
    while (skip(Long.MAX_VALUE) > 0) {
      // read through to the end
    }
    return new FileSum(bytes, HexFormat.of().formatHex(digest.digest()));
  }
}
