package dev.quarry.filters.quality;

import dev.quarry.core.Hashing;
import java.util.Arrays;

/**
 * Counts 64-bit hashes (of lines, paragraphs, n-grams) with open addressing; the arrays are kept
 * from one document to the next, since a step serves one thread. A hash stands for its text:
 * with 64 bits, two different lines of one document share one with odds of about n²/2⁶⁵.
 */
final class HashCounts {
  private long[] keys = new long[1024];
  private int[] counts = new int[1024];
  private int mask;

  /** Empties the table, sized for {@code expected} distinct keys. */
  void reset(int expected) {
    int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) << 1);
    if (capacity > keys.length) {
      keys = new long[capacity];
      counts = new int[capacity];
    } else {
      Arrays.fill(keys, 0, capacity, 0L);
    }
    mask = capacity - 1;
  }

  /** Counts one more {@code key}; returns how often it has been seen now (1 the first time). */
  int add(long key) {
    return counts[addSlot(key)];
  }

  /** Counts one more {@code key}; returns where its count is kept, for {@link #countAt}. */
  int addSlot(long key) {
    long k = key == 0 ? 1 : key;
    int i = slot(k);
    while (keys[i] != 0) {
      if (keys[i] == k) {
        counts[i]++;
        return i;
      }
      i = (i + 1) & mask;
    }
    keys[i] = k;
    counts[i] = 1;
    return i;
  }

  /** The count kept at {@code slot} (from {@link #addSlot}; valid until the next reset). */
  int countAt(int slot) {
    return counts[slot];
  }

  private int slot(long key) {
    return (int) (key ^ (key >>> 29)) & mask;
  }

  /**
   * A 64-bit hash of {@code text[start, end)}: FNV-1a over pairs of chars (half the multiplies
   * of one char a step), finished by {@link Hashing#mix64}.
   */
  static long hash(String text, int start, int end) {
    long h = 0xcbf29ce484222325L ^ (end - start);
    int i = start;
    for (; i + 1 < end; i += 2) {
      h ^= (long) text.charAt(i) << 16 | text.charAt(i + 1);
      h *= 0x100000001b3L;
    }
    if (i < end) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return Hashing.mix64(h);
  }
}
