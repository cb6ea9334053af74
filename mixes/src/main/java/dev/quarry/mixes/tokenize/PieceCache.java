package dev.quarry.mixes.tokenize;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The ids of the pieces a byte-pair tokenizer has already encoded, keyed by the piece's UTF-8
 * bytes. Text repeats its pieces (" the", " of", "\n\n") so often that on web text a few hundred
 * thousand entries answer almost every lookup, and byte-pair merging — the tokenizer's costly
 * step — runs only for pieces not seen before. Memory is bounded: when {@code capacity} pieces
 * are held, the cache is emptied and fills again. Not thread-safe: one per thread.
 */
final class PieceCache {
  /** Pieces held per thread before the cache empties: about 30 MB of keys, ids and table. */
  static final int DEFAULT_CAPACITY = 1 << 18;

  private final int capacity;
  private final int mask;
  private final byte[][] keys;
  private final int[][] ids;
  private final int[] hashes;
  private int size;
  private long clears;

  PieceCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    // Open addressing at most half full: probe sequences stay short.
    int slots = Integer.highestOneBit(Math.max(2, capacity * 2 - 1)) << 1;
    this.mask = slots - 1;
    this.keys = new byte[slots][];
    this.ids = new int[slots][];
    this.hashes = new int[slots];
  }

  /**
   * The ids of the piece in {@code utf8[0, length)}: cached, or {@code encode} of a copy of
   * exactly those bytes, remembered. The caller must not change the returned array.
   */
  int[] idsOf(byte[] utf8, int length, Function<byte[], int[]> encode) {
    int hash = hash(utf8, length);
    int slot = hash & mask;
    for (byte[] key = keys[slot]; key != null; key = keys[slot]) {
      if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, utf8, 0, length)) {
        return ids[slot];
      }
      slot = (slot + 1) & mask;
    }
    byte[] piece = Arrays.copyOf(utf8, length);
    int[] encoded = encode.apply(piece);
    if (size == capacity) {
      clear();
      slot = hash & mask;
    }
    keys[slot] = piece;
    ids[slot] = encoded;
    hashes[slot] = hash;
    size++;
    return encoded;
  }

  int size() {
    return size;
  }

  /** How often the cache has been emptied because it was full. */
  long clears() {
    return clears;
  }

  private void clear() {
    Arrays.fill(keys, null);
    Arrays.fill(ids, null);
    size = 0;
    clears++;
  }

  private static int hash(byte[] utf8, int length) {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + utf8[i];
    }
    return h ^ (h >>> 16);
  }
}
