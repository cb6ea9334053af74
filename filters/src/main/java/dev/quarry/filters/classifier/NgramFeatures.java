package dev.quarry.filters.classifier;

import dev.quarry.core.Hashing;
import java.util.Arrays;

/**
 * A text's hashed word n-gram features, fastText-style: words are the runs of letters, digits
 * and combining marks (lower-cased code point by code point), every n-gram of {@code minN} to
 * {@code maxN} words is hashed into one of {@code buckets}, and a bucket's value is how often its
 * n-grams occur divided by the number of n-grams in the text — the mean of the n-grams' one-hot
 * vectors, so that long and short texts score alike. A linear model's margin is then the mean of
 * the weights of the text's n-grams, which is how {@link LinearModel} scores without building
 * the vector.
 *
 * <p>Training and scoring both go through {@link #hashes}, so a model sees at scoring time
 * exactly the features it was trained on. Not thread-safe (it reuses buffers): one per thread.
 */
public final class NgramFeatures {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  /** Mixes an n-gram's word hashes: a multiplier per position, so word order counts. */
  private static final long POSITION = 0x9E3779B97F4A7C15L;

  private final FeatureSpec spec;
  private final int shift;
  private long[] words = new long[256];
  private int[] buckets = new int[512];

  public NgramFeatures(FeatureSpec spec) {
    this.spec = spec;
    this.shift = 64 - Integer.numberOfTrailingZeros(spec.buckets());
  }

  public FeatureSpec spec() {
    return spec;
  }

  /**
   * The bucket of every n-gram of {@code text}, in text order (n-grams of each length in turn);
   * returns how many. Read them with {@link #bucket(int)} until the next call.
   */
  public int hashes(CharSequence text) {
    int wordCount = words(text);
    int total = 0;
    for (int n = spec.minN(); n <= spec.maxN(); n++) {
      total += Math.max(0, wordCount - n + 1);
    }
    if (buckets.length < total) {
      buckets = new int[Math.max(total, 2 * buckets.length)];
    }
    int k = 0;
    for (int n = spec.minN(); n <= spec.maxN(); n++) {
      for (int start = 0; start + n <= wordCount; start++) {
        long h = n;
        for (int j = 0; j < n; j++) {
          h = h * POSITION + words[start + j];
        }
        buckets[k++] = (int) (Hashing.mix64(h) >>> shift);
      }
    }
    return k;
  }

  public int bucket(int i) {
    return buckets[i];
  }

  /**
   * The features as a sparse vector: distinct buckets ascending, each with count / n-grams.
   * For training (MLlib wants sorted indices); scoring needs no vector.
   */
  public Sparse sparse(CharSequence text) {
    int n = hashes(text);
    int[] sorted = Arrays.copyOf(buckets, n);
    Arrays.sort(sorted);
    int distinct = 0;
    int[] indices = new int[n];
    double[] values = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && sorted[j] == sorted[i]) {
        j++;
      }
      indices[distinct] = sorted[i];
      values[distinct] = (double) (j - i) / n;
      distinct++;
      i = j;
    }
    return new Sparse(spec.buckets(), Arrays.copyOf(indices, distinct),
        Arrays.copyOf(values, distinct));
  }

  /** A sparse feature vector: {@code size} buckets, ascending {@code indices}. */
  public record Sparse(int size, int[] indices, double[] values) {}

  /** Hashes the words of {@code text} into {@link #words}; returns how many. */
  private int words(CharSequence text) {
    int count = 0;
    long h = FNV_OFFSET;
    boolean inWord = false;
    int length = text.length();
    for (int i = 0; i < length; ) {
      char c = text.charAt(i);
      int cp;
      if (c < 128) {
        cp = c >= 'A' && c <= 'Z' ? c + 32 : c;
        i++;
        boolean wordChar = cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9';
        if (wordChar) {
          h = (h ^ cp) * FNV_PRIME;
          inWord = true;
          continue;
        }
      } else {
        cp = Character.codePointAt(text, i);
        i += Character.charCount(cp);
        if (Character.isLetterOrDigit(cp) || isMark(cp)) {
          int lower = Character.toLowerCase(cp);
          h = (h ^ lower) * FNV_PRIME;
          inWord = true;
          continue;
        }
      }
      if (inWord) {
        count = add(count, h);
        h = FNV_OFFSET;
        inWord = false;
      }
    }
    return inWord ? add(count, h) : count;
  }

  /**
   * A combining mark continues a word: Devanagari and Thai vowel signs, decomposed accents
   * (as the list steps and deduplication's shingles split words).
   */
  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private int add(int count, long hash) {
    if (count == words.length) {
      words = Arrays.copyOf(words, 2 * count);
    }
    words[count] = hash;
    return count + 1;
  }
}
