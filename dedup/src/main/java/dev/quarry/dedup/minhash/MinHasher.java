package dev.quarry.dedup.minhash;

import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets, for estimating Jaccard similarity and for LSH banding.
 *
 * <p>Position i of a signature is the minimum of h<sub>i</sub>(x) = (a<sub>i</sub> · x' +
 * b<sub>i</sub>) mod p over the set's shingle hashes x, where p = 2<sup>61</sup> − 1, x' is x
 * (read as unsigned) reduced mod p, and a<sub>i</sub> ∈ [1, p), b<sub>i</sub> ∈ [0, p) are drawn
 * in the order a<sub>0</sub>, b<sub>0</sub>, a<sub>1</sub>, b<sub>1</sub>, … from
 * {@code new SplittableRandom(seed)}. Two sets agree at a position with probability equal to
 * their Jaccard similarity (up to the family's small bias), which is what
 * {@link #estimateJaccard} counts.
 *
 * <p>The seed and the number of hashes define the signature: signatures made with different
 * values cannot be compared, so both belong in a job's config and manifest.
 *
 * <p>Instances are immutable and thread-safe; make one per partition, not per document.
 */
public final class MinHasher {
  /** The most hashes allowed: beyond this signatures cost more than they tell. */
  public static final int MAX_HASHES = 1024;

  private final long seed;
  private final long[] multipliers;
  private final long[] offsets;

  /**
   * @param numHashes the signature length, 1 to {@value #MAX_HASHES}
   * @param seed the seed of the hash family
   */
  public MinHasher(int numHashes, long seed) {
    checkNumHashes(numHashes);
    this.seed = seed;
    this.multipliers = new long[numHashes];
    this.offsets = new long[numHashes];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < numHashes; i++) {
      multipliers[i] = 1 + random.nextLong(Mersenne61.P - 1);
      offsets[i] = random.nextLong(Mersenne61.P);
    }
  }

  public int numHashes() {
    return multipliers.length;
  }

  public long seed() {
    return seed;
  }

  /**
   * The signature of a non-empty set of 64-bit shingle hashes (as {@code WordShingles.of}
   * returns them; order and repeats do not matter). Every value is in [0, 2<sup>61</sup> − 1).
   *
   * @throws IllegalArgumentException when there are no shingles: a text shorter than the
   *     shingle size has no signature and belongs to exact dedup only, because one shared
   *     degenerate signature would make every short text a near-duplicate of every other
   */
  public long[] signature(long[] shingles) {
    if (shingles.length == 0) {
      throw new IllegalArgumentException("no shingles: a text with fewer words than the shingle"
          + " size has no MinHash signature; deduplicate it exactly instead");
    }
    long[] reduced = new long[shingles.length];
    for (int j = 0; j < shingles.length; j++) {
      reduced[j] = Mersenne61.reduce(shingles[j]);
    }
    // Hashes outside, shingles inside: each minimum stays in a register. LoopOrderBenchmark
    // found shingles outside no faster and four hashes at a time about 10% slower; each value
    // costs two 64-bit multiplies, and those bound the loop whatever its order.
    long[] signature = new long[multipliers.length];
    for (int i = 0; i < multipliers.length; i++) {
      long a = multipliers[i];
      long b = offsets[i];
      long min = Long.MAX_VALUE;
      for (long x : reduced) {
        min = Math.min(min, Mersenne61.mulAdd(a, x, b));
      }
      signature[i] = min;
    }
    return signature;
  }

  /** Rejects a hash count outside 1 to {@value #MAX_HASHES}, naming the field. */
  static void checkNumHashes(int numHashes) {
    if (numHashes < 1 || numHashes > MAX_HASHES) {
      throw new IllegalArgumentException(
          "numHashes must be between 1 and " + MAX_HASHES + " (got " + numHashes + ")");
    }
  }

  /**
   * The estimated Jaccard similarity of the two sets: the fraction of positions where their
   * signatures agree. Both signatures must come from the same hasher (same seed and length).
   */
  public static double estimateJaccard(long[] signatureA, long[] signatureB) {
    if (signatureA.length != signatureB.length || signatureA.length == 0) {
      throw new IllegalArgumentException("signatures must have the same non-zero length (got "
          + signatureA.length + " and " + signatureB.length + ")");
    }
    int equal = 0;
    for (int i = 0; i < signatureA.length; i++) {
      if (signatureA[i] == signatureB[i]) {
        equal++;
      }
    }
    return (double) equal / signatureA.length;
  }
}
