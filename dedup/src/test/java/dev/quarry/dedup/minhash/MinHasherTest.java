package dev.quarry.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.core.text.WordShingles;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinHasherTest {
  private static final long[] SHINGLES = {1, 2, 3, -1, Long.MIN_VALUE, 0x123456789abcdefL};
  private static final int HASHES = 128;

  @Test
  void signatureIsPinnedForAGivenSeed() {
    // Computed outside Java (a Python port of SplittableRandom and exact integer arithmetic):
    // a change here changes every stored signature and band key, and MinHasher.FAMILY must
    // change with it so that older indexes are refused.
    assertThat(new MinHasher(4, 42).signature(SHINGLES)).containsExactly(
        386789533L, 281705127L, 1581527546L, 47846328L);
  }

  @Test
  void signatureIsTheMinimumOfTheDocumentedHashFamily() {
    long seed = 5;
    long[] shingles = new SplittableRandom(99).longs(300).toArray();
    long[] signature = new MinHasher(32, seed).signature(shingles);

    BigInteger word = BigInteger.ONE.shiftLeft(64);
    SplittableRandom family = new SplittableRandom(seed);
    for (int i = 0; i < 32; i++) {
      BigInteger a = unsigned(family.nextLong() | 1);
      BigInteger b = unsigned(family.nextLong());
      BigInteger min = null;
      for (long x : shingles) {
        BigInteger h = a.multiply(unsigned(x)).add(b).mod(word).shiftRight(32);
        min = min == null || h.compareTo(min) < 0 ? h : min;
      }
      assertThat(signature[i]).as("position %d", i).isEqualTo(min.longValueExact());
    }
  }

  @Test
  void sameSeedGivesTheSameSignatureAndAnotherSeedAnother() {
    long[] shingles = WordShingles.of(new SimilarTexts(1).textOf(200), 5);
    long[] first = new MinHasher(HASHES, 1).signature(shingles);

    assertThat(new MinHasher(HASHES, 1).signature(shingles)).isEqualTo(first);
    long[] otherSeed = new MinHasher(HASHES, 2).signature(shingles);
    assertThat(MinHasher.estimateJaccard(first, otherSeed)).isZero();
  }

  @Test
  void signatureIgnoresOrderAndRepeats() {
    long[] shingles = new SplittableRandom(3).longs(1000).toArray();
    long[] shuffledWithRepeats = new long[shingles.length * 2];
    for (int i = 0; i < shingles.length; i++) {
      shuffledWithRepeats[2 * i] = shingles[i];
      shuffledWithRepeats[2 * i + 1] = shingles[shingles.length - 1 - i];
    }
    shuffle(shuffledWithRepeats, new SplittableRandom(4));
    MinHasher hasher = new MinHasher(HASHES, 7);

    assertThat(hasher.signature(shuffledWithRepeats)).isEqualTo(hasher.signature(shingles));
  }

  /**
   * One 128-hash estimate has standard deviation √(J(1 − J)/128): 0.044 at J = 0.5, so ±0.06 is
   * about 1.4σ there and 3σ at 0.95. The pair and hasher seeds were fixed before the first run.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 0.5, 0.8, 0.95})
  void estimateIsCloseToTheExactJaccard(double target) {
    SimilarTexts texts = new SimilarTexts(2024);
    List<String> original = texts.text(3000);
    long[] a = WordShingles.of(String.join(" ", original), 5);
    long[] b = WordShingles.of(String.join(" ", texts.variant(original, target)), 5);
    double exact = WordShingles.jaccard(a, b);
    MinHasher hasher = new MinHasher(HASHES, 42);

    assertThat(exact).as("generated similarity").isCloseTo(target, within(0.03));
    assertThat(MinHasher.estimateJaccard(hasher.signature(a), hasher.signature(b)))
        .isCloseTo(exact, within(0.06));
  }

  @Test
  void estimateIsUnbiasedOverManySeeds() {
    SimilarTexts texts = new SimilarTexts(77);
    List<String> original = texts.text(2000);
    long[] a = WordShingles.of(String.join(" ", original), 5);
    long[] b = WordShingles.of(String.join(" ", texts.variant(original, 0.5)), 5);
    double exact = WordShingles.jaccard(a, b);

    double sum = 0;
    int seeds = 50;
    for (int seed = 0; seed < seeds; seed++) {
      MinHasher hasher = new MinHasher(HASHES, seed);
      sum += MinHasher.estimateJaccard(hasher.signature(a), hasher.signature(b));
    }
    // The mean of 50 estimates has σ ≈ 0.044 / √50 ≈ 0.006: ±0.02 is over 3σ.
    assertThat(sum / seeds).isCloseTo(exact, within(0.02));
  }

  @Test
  void emptyShingleSetIsRejected() {
    assertThatThrownBy(() -> new MinHasher(HASHES, 1).signature(new long[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no shingles")
        .hasMessageContaining("exactly");
  }

  @Test
  void hashCountOutsideItsRangeIsRejected() {
    assertThatThrownBy(() -> new MinHasher(0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numHashes");
    assertThatThrownBy(() -> new MinHasher(MinHasher.MAX_HASHES + 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
  }

  @Test
  void estimateCountsEqualPositions() {
    assertThat(MinHasher.estimateJaccard(new long[] {1, 2, 3, 4}, new long[] {1, 9, 3, 9}))
        .isEqualTo(0.5);
    assertThatThrownBy(() -> MinHasher.estimateJaccard(new long[2], new long[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
  }

  @Test
  void packedSignaturesAreFourBigEndianBytesPerValueAndEstimateTheSame() {
    assertThat(MinHasher.packed(new long[] {0x01020304L, 0xFFFFFFFEL}))
        .containsExactly(1, 2, 3, 4, 0xFF, 0xFF, 0xFF, 0xFE);
    MinHasher hasher = new MinHasher(128, 7);
    SplittableRandom random = new SplittableRandom(3);
    long[] a = random.longs(400).toArray();
    long[] b = Arrays.copyOf(a, 400);
    for (int i = 0; i < 150; i++) {
      b[i] = random.nextLong();
    }
    long[] sa = hasher.signature(a);
    long[] sb = hasher.signature(b);
    assertThat(MinHasher.estimateJaccard(MinHasher.packed(sa), MinHasher.packed(sb)))
        .isEqualTo(MinHasher.estimateJaccard(sa, sb)).isBetween(0.3, 0.7);
    assertThatThrownBy(() -> MinHasher.estimateJaccard(new byte[8], new byte[4]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same non-zero length");
  }

  private static void shuffle(long[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  private static BigInteger unsigned(long x) {
    return new BigInteger(Long.toUnsignedString(x));
  }
}
