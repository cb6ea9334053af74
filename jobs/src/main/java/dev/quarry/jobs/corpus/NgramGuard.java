package dev.quarry.jobs.corpus;

import java.util.Arrays;

/**
 * The word n-grams one page's prose has used so far, so that the chain can avoid using one
 * again: a Markov chain over a small material walks the same paths, and a page that repeats
 * word 5-grams is what Gopher's repetition rules drop (the share of characters in duplicated
 * 5-grams may be at most 0.15). Words are the synthesizer's {@link WordKeys}, which split like
 * the filters' words and compare case-folded, so an n-gram the guard lets through is new to the
 * repetition rule too.
 *
 * <p>A sentence is written tentatively: {@link #begin} notes where the page stood, the words of
 * the sentence are checked against both the page's n-grams and the sentence's own, and
 * {@link #commit} keeps them or {@link #rollBack} forgets them when the sentence is abandoned.
 */
final class NgramGuard {
  static final int N = 5;
  private static final long BASE = 0x9E3779B97F4A7C15L;
  private static final long EMPTY = 0;

  /** The page's n-gram hashes: open addressing, 0 marks an empty slot. */
  private long[] table = new long[1024];
  private int size;
  /** The n-grams of the sentence being written, kept when it is committed. */
  private long[] pending = new long[64];
  private int pendingSize;
  /** The last N − 1 keys, oldest first, and how many of them there are (fewer at the start). */
  private final int[] window = new int[N - 1];
  private int windowSize;
  private final int[] savedWindow = new int[N - 1];
  private int savedWindowSize;

  /** Starts a tentative sentence. */
  void begin() {
    pendingSize = 0;
    System.arraycopy(window, 0, savedWindow, 0, N - 1);
    savedWindowSize = windowSize;
  }

  /** Keeps the sentence's n-grams for the rest of the page. */
  void commit() {
    for (int i = 0; i < pendingSize; i++) {
      insert(pending[i]);
    }
    pendingSize = 0;
  }

  /** Forgets the sentence begun last, as if it had not been written. */
  void rollBack() {
    pendingSize = 0;
    System.arraycopy(savedWindow, 0, window, 0, N - 1);
    windowSize = savedWindowSize;
  }

  /** Whether appending a token with these word keys completes no n-gram used before. */
  boolean allows(int[] keys) {
    for (int k = 0; k < keys.length; k++) {
      int end = windowSize + k; // where keys[k] stands in the window followed by the keys
      if (end < N - 1) {
        continue;
      }
      long h = 1;
      for (int i = end - (N - 1); i <= end; i++) {
        h = h * BASE + (i < windowSize ? window[i] : keys[i - windowSize]);
      }
      if (used(nonEmpty(h))) {
        return false;
      }
    }
    return true;
  }

  /** Appends a token's word keys (allowed or not: a forced repeat is still remembered). */
  void add(int[] keys) {
    for (int key : keys) {
      if (windowSize == N - 1) {
        if (pendingSize == pending.length) {
          pending = Arrays.copyOf(pending, pendingSize * 2);
        }
        pending[pendingSize++] = hash(window, key);
      }
      windowSize = shift(window, windowSize, key);
    }
  }

  private boolean used(long gram) {
    return contains(gram) || contains(pending, pendingSize, gram);
  }

  private static boolean contains(long[] grams, int count, long gram) {
    for (int i = 0; i < count; i++) {
      if (grams[i] == gram) {
        return true;
      }
    }
    return false;
  }

  private static int shift(int[] window, int size, int key) {
    if (size < N - 1) {
      window[size] = key;
      return size + 1;
    }
    System.arraycopy(window, 1, window, 0, N - 2);
    window[N - 2] = key;
    return size;
  }

  private static long hash(int[] window, int last) {
    long h = 1;
    for (int key : window) {
      h = h * BASE + key;
    }
    return nonEmpty(h * BASE + last);
  }

  private static long nonEmpty(long hash) {
    return hash == EMPTY ? 1 : hash;
  }

  private boolean contains(long gram) {
    for (int slot = slot(gram); ; slot = (slot + 1) & (table.length - 1)) {
      if (table[slot] == gram) {
        return true;
      }
      if (table[slot] == EMPTY) {
        return false;
      }
    }
  }

  private void insert(long gram) {
    if (contains(gram)) {
      return;
    }
    if (2 * (size + 1) > table.length) {
      long[] old = table;
      table = new long[old.length * 2];
      size = 0;
      for (long g : old) {
        if (g != EMPTY) {
          insert(g);
        }
      }
    }
    int slot = slot(gram);
    while (table[slot] != EMPTY) {
      slot = (slot + 1) & (table.length - 1);
    }
    table[slot] = gram;
    size++;
  }

  private int slot(long gram) {
    long h = gram * 0xBF58476D1CE4E5B9L;
    return (int) (h >>> 40) & (table.length - 1);
  }
}
