package dev.quarry.mixes.shards;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads little-endian values and token arrays from a stream through one buffer, keeping the
 * position so that a short file is reported with where it ended.
 */
final class LittleEndianInput {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final String name;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES)
      .order(ByteOrder.LITTLE_ENDIAN).limit(0);
  private long consumed;

  /** {@code name} says which file this is in messages, e.g. ".idx". */
  LittleEndianInput(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /** The byte offset of the next value. */
  long position() {
    return consumed + buffer.position();
  }

  int u8() throws IOException {
    return available(Byte.BYTES).get() & 0xFF;
  }

  int i32() throws IOException {
    return available(Integer.BYTES).getInt();
  }

  long i64() throws IOException {
    return available(Long.BYTES).getLong();
  }

  byte[] bytes(int count) throws IOException {
    byte[] bytes = new byte[count];
    available(count).get(bytes);
    return bytes;
  }

  /** Reads {@code length} tokens of {@code dtype} into {@code into}. */
  void tokens(int[] into, int length, TokenDtype dtype) throws IOException {
    int width = dtype.bytes();
    int i = 0;
    while (i < length) {
      available(width);
      int end = Math.min(length, i + buffer.remaining() / width);
      if (dtype == TokenDtype.UINT16) {
        for (; i < end; i++) {
          into[i] = buffer.getShort() & 0xFFFF;
        }
      } else {
        for (; i < end; i++) {
          into[i] = buffer.getInt();
          if (into[i] < 0 && dtype == TokenDtype.UINT32) {
            throw new ShardFormatException("the " + name + " holds token id "
                + Integer.toUnsignedString(into[i]) + ", above the largest id a vocabulary can"
                + " have (" + Integer.MAX_VALUE + "): the file is not uint32 tokens or is"
                + " corrupt");
          }
        }
      }
    }
  }

  /** Skips {@code count} bytes. */
  void skip(long count) throws IOException {
    long inBuffer = Math.min(count, buffer.remaining());
    buffer.position(buffer.position() + (int) inBuffer);
    long rest = count - inBuffer;
    if (rest > 0) {
      long target = position() + rest;
      consumed += buffer.limit();
      buffer.limit(0);
      try {
        in.skipNBytes(rest);
      } catch (EOFException e) {
        throw ended(target);
      }
      consumed += rest;
    }
  }

  /** Reads to the end of the stream and returns how many bytes were left. */
  long rest() throws IOException {
    long rest = buffer.remaining();
    consumed += buffer.limit();
    buffer.limit(0);
    for (int n; (n = in.read(buffer.array())) != -1; ) {
      rest += n;
      consumed += n;
    }
    return rest;
  }

  private ByteBuffer available(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return buffer;
    }
    consumed += buffer.position();
    buffer.compact();
    while (buffer.position() < bytes) {
      int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
      if (n < 0) {
        buffer.flip();
        throw ended(position() + bytes);
      }
      buffer.position(buffer.position() + n);
    }
    buffer.flip();
    return buffer;
  }

  private EOFException ended(long needed) {
    return new EOFException("the " + name + " ends before byte " + needed + ", which the"
        + " next value needs: the file is truncated or its index does not belong to it");
  }
}
