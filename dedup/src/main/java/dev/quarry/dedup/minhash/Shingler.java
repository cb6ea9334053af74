package dev.quarry.dedup.minhash;

import dev.quarry.core.text.WordShingles;

/**
 * The shingles MinHash sees: word n-grams of a text as sorted, distinct 64-bit hashes, by
 * {@link WordShingles#of}. That normalises first (NFKC, lower case, digits folded to 0) and
 * counts each Han, Hiragana, Katakana or Thai character as a word, so CJK and Thai texts get
 * character n-grams.
 *
 * @param size words per shingle; FineWeb uses 5, the default
 */
public record Shingler(int size) {
  public static final int DEFAULT_SIZE = WordShingles.DEFAULT_SIZE;

  public Shingler {
    if (size < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1 (got " + size + ")");
    }
  }

  /** Shingles of {@value #DEFAULT_SIZE} words. */
  public static Shingler defaults() {
    return new Shingler(DEFAULT_SIZE);
  }

  /** The sorted, distinct shingle hashes; empty when the text has fewer than {@code size} words. */
  public long[] shingles(String text) {
    return WordShingles.of(text, size);
  }

  /**
   * Whether a text with these shingles is too short for MinHash: it has no shingle, so it goes
   * to exact dedup only and never gets a signature.
   */
  public boolean tooShort(long[] shingles) {
    return shingles.length == 0;
  }
}
