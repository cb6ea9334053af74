package dev.quarry.mixes.shards;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds expected file bytes by hand, one little-endian field at a time, with shifts rather than
 * the code under test, so that golden files check the writers against the format itself.
 */
final class LittleEndianBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  LittleEndianBytes ascii(String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  LittleEndianBytes u8(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }

  LittleEndianBytes u16(int... values) {
    for (int v : values) {
      out.write(v);
      out.write(v >>> 8);
    }
    return this;
  }

  LittleEndianBytes i32(int... values) {
    for (int v : values) {
      for (int shift = 0; shift < 32; shift += 8) {
        out.write(v >>> shift);
      }
    }
    return this;
  }

  LittleEndianBytes i64(long... values) {
    for (long v : values) {
      for (int shift = 0; shift < 64; shift += 8) {
        out.write((int) (v >>> shift));
      }
    }
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
