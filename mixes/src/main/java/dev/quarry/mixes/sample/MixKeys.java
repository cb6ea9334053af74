package dev.quarry.mixes.sample;

import dev.quarry.core.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The seeded 64-bit keys that decide a mix without depending on how the data is partitioned:
 * which documents of a partial epoch are taken ({@link #sample}), and where every taken copy
 * goes in the mix ({@link #order}). A key depends only on the seed, the purpose, the source,
 * the epoch and the document id. Compare keys unsigned ({@link Long#compareUnsigned}).
 */
public final class MixKeys {
  private static final long SAMPLE = 0x5A4D504C45L; // "SAMPLE"
  private static final long ORDER = 0x4F52444552L; // "ORDER"
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private MixKeys() {}

  /** The key that ranks a source's documents for a partial epoch: the smallest are taken. */
  public static long sample(long seed, String source, int epoch, String id) {
    return key(seed, SAMPLE, source, epoch, id);
  }

  /** The key that places one copy of a document in the mix: the mix is in ascending order. */
  public static long order(long seed, String source, int epoch, String id) {
    return key(seed, ORDER, source, epoch, id);
  }

  private static long key(long seed, long purpose, String source, int epoch, String id) {
    long h = fnv(fnv(FNV_OFFSET, source), id);
    h = Hashing.mix64(h ^ Hashing.mix64(seed ^ purpose));
    return Hashing.mix64(h + 0x9E3779B97F4A7C15L * (epoch + 1L));
  }

  /** FNV-1a over the UTF-8 of {@code text}, then a 0xFF byte (no UTF-8 byte) as a separator. */
  private static long fnv(long h, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * FNV_PRIME;
    }
    return (h ^ 0xFF) * FNV_PRIME;
  }
}
