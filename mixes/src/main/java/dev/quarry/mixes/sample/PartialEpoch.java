package dev.quarry.mixes.sample;

import java.util.Arrays;

/**
 * Finds, without ordering all of a source's documents in one place, the sample key up to which
 * a partial epoch takes them: documents are first counted in 2<sup>16</sup> buckets by the top
 * bits of their key; only the bucket where the running token total reaches the remainder is
 * then read in key order. For a billion documents that bucket holds about 15,000.
 */
public final class PartialEpoch {
  public static final int BUCKET_BITS = 16;

  private PartialEpoch() {}

  /** The bucket of a sample key (its top {@value #BUCKET_BITS} bits, unsigned). */
  public static int bucketOf(long sampleKey) {
    return (int) (sampleKey >>> (Long.SIZE - BUCKET_BITS));
  }

  /**
   * Where the running total first reaches {@code remainder}.
   *
   * @param bucket the bucket in which it does
   * @param tokensBefore the tokens of every bucket before it
   */
  public record Crossing(int bucket, long tokensBefore) {}

  /** The crossing for {@code remainder} > 0 tokens, given each bucket's tokens. */
  public static Crossing crossing(long[] bucketTokens, long remainder) {
    if (remainder <= 0) {
      throw new IllegalArgumentException("no partial epoch: remainder " + remainder);
    }
    long before = 0;
    for (int b = 0; b < bucketTokens.length; b++) {
      if (before + bucketTokens[b] >= remainder) {
        return new Crossing(b, before);
      }
      before += bucketTokens[b];
    }
    throw new IllegalArgumentException("the buckets hold " + before + " tokens, fewer than the "
        + remainder + " wanted");
  }

  /**
   * The largest key taken, given the crossing bucket's documents: {@code keys} and their
   * {@code tokens}, in any order. Documents are taken in unsigned key order until
   * {@code needed} tokens are reached; the one that reaches it is taken.
   */
  public static long cutoff(long[] keys, long[] tokens, long needed) {
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compareUnsigned(keys[a], keys[b]));
    long total = 0;
    for (int i : order) {
      total += tokens[i];
      if (total >= needed) {
        return keys[i];
      }
    }
    throw new IllegalArgumentException("the bucket holds " + total + " tokens, fewer than the "
        + needed + " wanted");
  }

  /** Whether a copy of a document in {@code epoch} is in the mix. */
  public static boolean taken(EpochPlan plan, int epoch, long sampleKey, long cutoff) {
    if (epoch < plan.fullEpochs()) {
      return true;
    }
    return epoch == plan.partialEpoch() && plan.remainder() > 0
        && Long.compareUnsigned(sampleKey, cutoff) <= 0;
  }
}
