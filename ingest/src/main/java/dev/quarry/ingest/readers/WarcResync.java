package dev.quarry.ingest.readers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reading on after a WARC record that cannot be read: the next record boundary (the next gzip
 * member, or the next {@code WARC/1.} line in an uncompressed file) whose record parses.
 * Shared by the ingest reader and anything else that must read a whole damaged WARC.
 */
public final class WarcResync {
  private WarcResync() {}

  /**
   * The first record that parses at a boundary at or after {@code from}, with {@code reader}
   * positioned after it; empty at the end of the file, or for Zstandard files (whose
   * dictionary frame rules out restarting). Candidates that turn out not to be records are
   * passed over silently: only the original failure counts.
   */
  public static Optional<WarcRecord> next(WarcReader reader, SeekableByteChannel channel,
      long from) {
    if (reader.compression() == WarcCompression.ZSTD) {
      return Optional.empty();
    }
    byte[] marker = reader.compression() == WarcCompression.GZIP
        ? new byte[] {0x1f, (byte) 0x8b, 0x08}
        : "WARC/1.".getBytes(StandardCharsets.US_ASCII);
    long candidate = from;
    while (true) {
      candidate = find(channel, marker, candidate);
      if (candidate < 0) {
        return Optional.empty();
      }
      try {
        reader.position(candidate);
        return reader.next();
      } catch (IOException | RuntimeException e) {
        candidate++;
      }
    }
  }

  private static long find(SeekableByteChannel channel, byte[] marker, long from) {
    try {
      channel.position(from);
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      long base = from;
      int matched = 0;
      while (true) {
        buf.clear();
        int n = channel.read(buf);
        if (n <= 0) {
          return -1;
        }
        byte[] bytes = buf.array();
        for (int i = 0; i < n; i++) {
          if (bytes[i] == marker[matched]) {
            matched++;
            if (matched == marker.length) {
              return base + i - marker.length + 1;
            }
          } else {
            matched = bytes[i] == marker[0] ? 1 : 0;
          }
        }
        base += n;
      }
    } catch (IOException e) {
      return -1;
    }
  }
}
