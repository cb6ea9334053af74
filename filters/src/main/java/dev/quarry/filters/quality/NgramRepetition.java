package dev.quarry.filters.quality;

import dev.quarry.core.text.Words;

/**
 * Word n-gram repetition as Gopher measures it (Rae et al. 2021, table A1; datatrove's
 * definitions), over {@link Words} compared exactly (case and all). N-grams are identified by a
 * polynomial hash over the words' 64-bit hashes, so each costs O(1) whatever n.
 *
 * <p>Only n-grams that can repeat are hashed into tables: an n-gram occurs twice only if both of
 * its (n−1)-grams do, so each size n is counted at the positions where the two (n−1)-grams
 * repeated. In prose that leaves few positions past n = 3, which keeps the nine n-gram rules to
 * a few passes' worth of table work. Results are exactly those of counting every n-gram.
 */
final class NgramRepetition {
  static final int MAX_N = 15;
  private static final long BASE = 0x9E3779B97F4A7C15L;
  private static final long[] POWERS = new long[MAX_N + 1];

  static {
    POWERS[0] = 1;
    for (int i = 1; i <= MAX_N; i++) {
      POWERS[i] = POWERS[i - 1] * BASE;
    }
  }

  private final HashCounts counting = new HashCounts();
  private final HashCounts seen = new HashCounts();
  private long[] prefix = new long[1024];
  private int[] lengths = new int[1024];
  /** At the counted level: the positions whose n-gram was counted (ascending). */
  private int[] counted = new int[1024];
  /** Where each counted n-gram's count is kept. */
  private int[] slots = new int[1024];
  /** At the counted level: the positions whose n-gram occurs at least twice (ascending). */
  private int[] repeated = new int[1024];
  private int countedSize;
  private int repeatedSize;
  private int size;
  private int level;

  /** Hashes the words of {@code words}; the other methods then measure them. */
  NgramRepetition of(Words words) {
    size = words.size();
    if (prefix.length < size + 1) {
      prefix = new long[size + 1];
      lengths = new int[size + 1];
      counted = new int[size + 1];
      slots = new int[size + 1];
      repeated = new int[size + 1];
    }
    String text = words.text();
    for (int i = 0; i < size; i++) {
      long wordHash = HashCounts.hash(text, words.start(i), words.end(i));
      prefix[i + 1] = prefix[i] * BASE + wordHash;
      lengths[i + 1] = lengths[i] + words.length(i);
    }
    level = 0;
    return this;
  }

  /**
   * The characters of the most frequent n-gram times its count, its characters being its words
   * joined by single spaces; ties go to the n-gram seen first. 0 unless that n-gram occurs at
   * least twice: a text with no repeated n-gram has nothing "top" to measure.
   */
  long topChars(int n) {
    countUpTo(n);
    int best = 0;
    int first = -1;
    for (int k = 0; k < countedSize; k++) {
      int count = counting.countAt(slots[k]);
      if (count > best) {
        best = count;
      }
    }
    if (best < 2) {
      return 0;
    }
    for (int k = 0; first < 0; k++) {
      if (counting.countAt(slots[k]) == best) {
        first = counted[k];
      }
    }
    return (long) best * (lengths[first + n] - lengths[first] + n - 1);
  }

  /**
   * Characters (of the words, no spaces) in duplicate n-grams, scanning left to right: an n-gram
   * seen before counts and the scan jumps past it (so overlapping repeats are not counted
   * twice), any other is remembered and the scan moves on one word. An n-gram that occurs once
   * is never "seen before", so only those that can repeat need looking at.
   */
  long duplicateChars(int n) {
    if (size - n + 1 < 2) {
      return 0;
    }
    countUpTo(n - 1);
    seen.reset(repeatedSize);
    long chars = 0;
    int next = 0;
    for (int k = 0; k + 1 < repeatedSize; k++) {
      int i = repeated[k];
      if (repeated[k + 1] != i + 1 || i < next || i + n > size) {
        continue;
      }
      if (seen.add(gram(i, n)) > 1) {
        chars += lengths[i + n] - lengths[i];
        next = i + n;
      }
    }
    return chars;
  }

  /**
   * Counts, for every size up to {@code n}, the n-grams that can repeat: at size 2 every
   * bigram, at size m + 1 those at positions where the m-grams at i and i + 1 both repeat.
   */
  private void countUpTo(int n) {
    if (n > MAX_N) {
      throw new IllegalArgumentException("n-grams of at most " + MAX_N + " words");
    }
    while (level < n) {
      int next = level + 1;
      countedSize = 0;
      if (level == 0) {
        // Every bigram: pruning by repeated words would cost more than it saves.
        next = Math.min(2, n);
        for (int i = 0; i + next <= size; i++) {
          counted[countedSize++] = i;
        }
      } else {
        for (int k = 0; k + 1 < repeatedSize; k++) {
          int i = repeated[k];
          if (repeated[k + 1] == i + 1 && i + next <= size) {
            counted[countedSize++] = i;
          }
        }
      }
      counting.reset(countedSize);
      for (int k = 0; k < countedSize; k++) {
        slots[k] = counting.addSlot(gram(counted[k], next));
      }
      repeatedSize = 0;
      for (int k = 0; k < countedSize; k++) {
        if (counting.countAt(slots[k]) > 1) {
          repeated[repeatedSize++] = counted[k];
        }
      }
      level = next;
    }
  }

  /** The n-gram's hash; its low bits are as random as the words' hashes, so no final mix. */
  private long gram(int i, int n) {
    return prefix[i + n] - prefix[i] * POWERS[n];
  }
}
