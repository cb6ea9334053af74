package dev.quarry.mixes.shards;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Little-endian values and token arrays, gathered in one reusable buffer: shards run to
 * gigabytes, and a stream write per token would cost more than the tokenizer.
 */
final class LittleEndianOutput {
  private static final int BUFFER_BYTES = 1 << 16;

  private final OutputStream out;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES)
      .order(ByteOrder.LITTLE_ENDIAN);

  LittleEndianOutput(OutputStream out) {
    this.out = out;
  }

  void u8(int value) throws IOException {
    room(Byte.BYTES).put((byte) value);
  }

  void i32(int value) throws IOException {
    room(Integer.BYTES).putInt(value);
  }

  void i64(long value) throws IOException {
    room(Long.BYTES).putLong(value);
  }

  void bytes(byte[] bytes) throws IOException {
    room(bytes.length).put(bytes);
  }

  /** The first {@code length} tokens in {@code dtype}'s width; the caller checked they fit. */
  void tokens(int[] tokens, int length, TokenDtype dtype) throws IOException {
    int width = dtype.bytes();
    int i = 0;
    while (i < length) {
      // Fill the buffer in one tight loop, then drain it, rather than testing room per token.
      int end = Math.min(length, i + room(width).remaining() / width);
      if (width == Short.BYTES) {
        for (; i < end; i++) {
          buffer.putShort((short) tokens[i]);
        }
      } else {
        for (; i < end; i++) {
          buffer.putInt(tokens[i]);
        }
      }
    }
  }

  /** Passes everything buffered to the stream, without flushing the stream itself. */
  void drain() throws IOException {
    out.write(buffer.array(), 0, buffer.position());
    buffer.clear();
  }

  private ByteBuffer room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      drain();
    }
    return buffer;
  }
}
