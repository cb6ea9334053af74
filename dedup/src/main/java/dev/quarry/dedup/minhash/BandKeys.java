package dev.quarry.dedup.minhash;

import dev.quarry.core.Hashing;

/**
 * The LSH bucket key of each band of a signature: documents whose keys agree in some band are
 * candidate near-duplicates.
 *
 * <p>A band's key starts from its band index, mixed, and folds in each of its {@code rows}
 * values in order with {@link Hashing#mix64}: key = mix(…mix(mix(seed(band) ⊕ v<sub>0</sub>) ⊕
 * v<sub>1</sub>)… ⊕ v<sub>r−1</sub>). Starting from the band index means equal rows in two
 * different bands do not give equal keys, so a key means something even without its band
 * number. Only 64-bit integer arithmetic is used: keys are the same on every JVM and platform,
 * and change only if this class or the signature changes.
 */
public final class BandKeys {
  private static final long BAND_SEED = 0x9E3779B97F4A7C15L;

  private BandKeys() {}

  /** The keys of every band, in band order. */
  public static long[] of(long[] signature, LshParameters lsh) {
    if (signature.length != lsh.numHashes()) {
      throw new IllegalArgumentException("signature has " + signature.length
          + " values but the LSH parameters band " + lsh.numHashes());
    }
    long[] keys = new long[lsh.bands()];
    int rows = lsh.rows();
    for (int band = 0; band < keys.length; band++) {
      long key = Hashing.mix64(BAND_SEED * (band + 1));
      for (int row = band * rows; row < (band + 1) * rows; row++) {
        key = Hashing.mix64(key ^ signature[row]);
      }
      keys[band] = key;
    }
    return keys;
  }
}
