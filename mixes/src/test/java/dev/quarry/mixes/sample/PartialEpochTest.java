package dev.quarry.mixes.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartialEpochTest {
  @Test
  void theBucketedCutoffTakesWhatSortingEveryKeyWouldTake() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 50_000;
    long[] keys = new long[n];
    long[] tokens = new long[n];
    long[] buckets = new long[1 << PartialEpoch.BUCKET_BITS];
    for (int i = 0; i < n; i++) {
      keys[i] = MixKeys.sample(7, "web", 0, "doc-" + i);
      tokens[i] = 1 + random.nextInt(2000);
      buckets[PartialEpoch.bucketOf(keys[i])] += tokens[i];
    }
    long remainder = Arrays.stream(tokens).sum() / 3;
    PartialEpoch.Crossing crossing = PartialEpoch.crossing(buckets, remainder);
    long[] inBucket = java.util.stream.IntStream.range(0, n)
        .filter(i -> PartialEpoch.bucketOf(keys[i]) == crossing.bucket()).asLongStream()
        .toArray();
    long cutoff = PartialEpoch.cutoff(Arrays.stream(inBucket).map(i -> keys[(int) i]).toArray(),
        Arrays.stream(inBucket).map(i -> tokens[(int) i]).toArray(),
        remainder - crossing.tokensBefore());
    // The reference: every document in unsigned key order until the remainder is reached.
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compareUnsigned(keys[a], keys[b]));
    long total = 0;
    long expected = 0;
    for (int i : order) {
      total += tokens[i];
      if (total >= remainder) {
        expected = keys[i];
        break;
      }
    }
    assertThat(cutoff).isEqualTo(expected);
    EpochPlan plan = new EpochPlan(0, remainder);
    long taken = 0;
    for (int i = 0; i < n; i++) {
      taken += PartialEpoch.taken(plan, 0, keys[i], cutoff) ? tokens[i] : 0;
    }
    assertThat(taken).isGreaterThanOrEqualTo(remainder).isLessThan(remainder + 2000);
  }

  @Test
  void wholeEpochsTakeEveryDocumentAndLaterEpochsNone() {
    EpochPlan plan = new EpochPlan(2, 0);
    assertThat(PartialEpoch.taken(plan, 1, -1, 0)).isTrue();
    assertThat(PartialEpoch.taken(plan, 2, 0, -1)).isFalse();
  }

  @Test
  void keysDependOnSeedSourceEpochAndIdOnly() {
    assertThat(MixKeys.order(1, "a", 0, "x")).isEqualTo(MixKeys.order(1, "a", 0, "x"))
        .isNotEqualTo(MixKeys.order(2, "a", 0, "x"))
        .isNotEqualTo(MixKeys.order(1, "b", 0, "x"))
        .isNotEqualTo(MixKeys.order(1, "a", 1, "x"))
        .isNotEqualTo(MixKeys.sample(1, "a", 0, "x"));
    // "ab" + "c" and "a" + "bc" are different (source, id) pairs.
    assertThat(MixKeys.order(1, "ab", 0, "c")).isNotEqualTo(MixKeys.order(1, "a", 0, "bc"));
  }
}
