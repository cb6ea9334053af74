package dev.quarry.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BandKeysTest {
  private static final LshParameters LSH = LshParameters.of(16, 8, 0.8, 128);

  @Test
  void keysArePinned() {
    // Computed outside Java (a Python port of the mixing): a change here moves every bucket.
    long[] signature = {10, 20, 30, 40, 10, 20, 30, 40};

    assertThat(BandKeys.of(signature, LshParameters.of(2, 4, 0.8, 8)))
        .containsExactly(-7863049938005470370L, 3708114708820905194L);
  }

  @Test
  void equalSignaturesGiveEqualKeys() {
    long[] signature = randomSignature(1);

    assertThat(BandKeys.of(signature.clone(), LSH)).isEqualTo(BandKeys.of(signature, LSH))
        .hasSize(16);
  }

  @Test
  void changingOneRowChangesOnlyItsBandsKey() {
    long[] signature = randomSignature(2);
    long[] keys = BandKeys.of(signature, LSH);

    for (int position = 0; position < signature.length; position++) {
      long[] changed = signature.clone();
      changed[position]++;
      long[] changedKeys = BandKeys.of(changed, LSH);
      int band = position / LSH.rows();
      for (int other = 0; other < keys.length; other++) {
        if (other == band) {
          assertThat(changedKeys[other]).as("band %d, row %d changed", band, position)
              .isNotEqualTo(keys[other]);
        } else {
          assertThat(changedKeys[other]).as("band %d, row %d changed", other, position)
              .isEqualTo(keys[other]);
        }
      }
    }
  }

  @Test
  void equalRowsInDifferentBandsGiveDifferentKeys() {
    long[] signature = new long[128]; // every band holds the same eight zeros

    assertThat(BandKeys.of(signature, LSH)).doesNotHaveDuplicates();
  }

  @Test
  void signatureLengthMustMatchTheParameters() {
    assertThatThrownBy(() -> BandKeys.of(new long[112], LSH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("112 values")
        .hasMessageContaining("128");
  }

  private static long[] randomSignature(long seed) {
    return new SplittableRandom(seed).longs(128, 0, 1L << 32).toArray();
  }
}
