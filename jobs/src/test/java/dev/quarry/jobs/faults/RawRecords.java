package dev.quarry.jobs.faults;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Counts the raw records of a shard without Quarry's readers, for the accounting identity: a
 * {@code .warc.gz} holds one record per gzip member, a {@code .jsonl.gz} one per non-blank
 * line; a file cut short ends with one more record, the one it cut (which a reader counts as
 * an error).
 */
final class RawRecords {
  private RawRecords() {}

  static long count(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    if (name.endsWith(".warc.gz")) {
      return gzipMembers(bytes);
    }
    if (name.endsWith(".jsonl.gz")) {
      return jsonLines(new GZIPInputStream(new ByteArrayInputStream(bytes)));
    }
    if (name.endsWith(".jsonl")) {
      return jsonLines(new ByteArrayInputStream(bytes));
    }
    throw new IllegalArgumentException("no raw record count for " + file);
  }

  /** Gzip members (RFC 1952), the last one counted even when it is cut short. */
  static long gzipMembers(byte[] bytes) {
    long members = 0;
    int at = 0;
    byte[] sink = new byte[1 << 16];
    while (at < bytes.length) {
      members++;
      int flags = bytes.length - at > 10 ? bytes[at + 3] : 0;
      int p = at + 10;
      if ((flags & 4) != 0) { // FEXTRA
        p += 2 + ((bytes[p] & 0xff) | (bytes[p + 1] & 0xff) << 8);
      }
      for (int field : new int[] {8, 16}) { // FNAME, FCOMMENT: zero-terminated
        if ((flags & field) != 0) {
          while (p < bytes.length && bytes[p++] != 0) { }
        }
      }
      p += (flags & 2) != 0 ? 2 : 0; // FHCRC
      if (p >= bytes.length) {
        return members;
      }
      Inflater inflater = new Inflater(true);
      try {
        inflater.setInput(bytes, p, bytes.length - p);
        while (!inflater.finished() && !inflater.needsInput()) {
          inflater.inflate(sink);
        }
        if (!inflater.finished()) {
          return members; // cut inside this member
        }
        at = bytes.length - inflater.getRemaining() + 8; // the CRC32 and size trailer
      } catch (DataFormatException e) {
        return members;
      } finally {
        inflater.end();
      }
    }
    return members;
  }

  /** Non-blank lines, and the one a truncated stream ends in. */
  private static long jsonLines(InputStream in) throws IOException {
    long lines = 0;
    boolean blank = true;
    try (in) {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          lines += blank ? 0 : 1;
          blank = true;
        } else if (!Character.isWhitespace(b)) {
          blank = false;
        }
      }
      return lines + (blank ? 0 : 1);
    } catch (EOFException cut) {
      return lines + 1;
    }
  }
}
