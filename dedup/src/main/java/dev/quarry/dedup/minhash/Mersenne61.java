package dev.quarry.dedup.minhash;

/**
 * Arithmetic modulo the Mersenne prime p = 2<sup>61</sup> − 1, the field of MinHash's universal
 * hash family.
 *
 * <p>Because 2<sup>61</sup> ≡ 1 (mod p), reducing a number only needs its low 61 bits added to
 * the bits above them: no division. A product of two residues needs 122 bits, so it is formed
 * exactly from {@link Math#multiplyHigh} (high 64 bits) and the ordinary product (low 64 bits).
 */
final class Mersenne61 {
  /** 2<sup>61</sup> − 1, also the mask of the low 61 bits. */
  static final long P = (1L << 61) - 1;

  private Mersenne61() {}

  /**
   * {@code x} read as an unsigned 64-bit number, modulo p: in [0, p). Shingle hashes use all 64
   * bits; this folds them onto the field (x and x + p collide, a cost of 3 bits of the hash).
   */
  static long reduce(long x) {
    long r = (x & P) + (x >>> 61); // < p + 8
    return r >= P ? r - P : r;
  }

  /** (a · x + b) mod p for residues a, x, b in [0, p). */
  static long mulAdd(long a, long x, long b) {
    long high = Math.multiplyHigh(a, x); // a, x < 2^61: product < 2^122, high < 2^58
    long low = a * x;
    // product = productHigh61 · 2^61 + (low & P) with productHigh61 = product >>> 61 < 2^61,
    // and 2^61 ≡ 1, so product ≡ productHigh61 + (low & P).
    long productHigh61 = (high << 3) | (low >>> 61);
    long sum = productHigh61 + (low & P) + b; // < 3 · 2^61: no overflow
    sum = (sum & P) + (sum >>> 61); // < p + 3
    return sum >= P ? sum - P : sum;
  }
}
