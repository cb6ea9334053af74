package dev.quarry.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Mersenne61Test {
  private static final BigInteger P = BigInteger.valueOf(Mersenne61.P);
  private static final long[] EDGES = {
      0, 1, 2, Mersenne61.P - 1, Mersenne61.P - 2,
      Mersenne61.reduce(Long.MAX_VALUE), Mersenne61.reduce(Long.MIN_VALUE),
      Mersenne61.reduce(-1L), 1L << 60, (1L << 60) - 1};

  @Test
  void reduceEqualsUnsignedRemainder() {
    long[] inputs = {0, 1, Mersenne61.P - 1, Mersenne61.P, Mersenne61.P + 1, 2 * Mersenne61.P,
        Long.MAX_VALUE, Long.MIN_VALUE, -1L, -2L, 1L << 61, 1L << 62};
    for (long x : inputs) {
      assertThat(Mersenne61.reduce(x)).as("reduce(%d)", x).isEqualTo(bigReduce(x));
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      long x = random.nextLong();
      assertThat(Mersenne61.reduce(x)).as("reduce(%d)", x).isEqualTo(bigReduce(x));
    }
  }

  @Test
  void reducedEdgeValuesAreWhatTheArithmeticSays() {
    // 2^63 - 1 = 4 · 2^61 - 1 ≡ 3; 2^63 ≡ 4; 2^64 - 1 ≡ 8 - 1 = 7.
    assertThat(Mersenne61.reduce(Long.MAX_VALUE)).isEqualTo(3);
    assertThat(Mersenne61.reduce(Long.MIN_VALUE)).isEqualTo(4);
    assertThat(Mersenne61.reduce(-1L)).isEqualTo(7);
    assertThat(Mersenne61.reduce(Mersenne61.P)).isZero();
  }

  @Test
  void mulAddEqualsBigIntegerOnEdgeValues() {
    for (long a : EDGES) {
      for (long x : EDGES) {
        for (long b : EDGES) {
          assertThat(Mersenne61.mulAdd(a, x, b))
              .as("(%d · %d + %d) mod p", a, x, b)
              .isEqualTo(bigMulAdd(a, x, b));
        }
      }
    }
  }

  @Test
  void mulAddEqualsBigIntegerOnRandomResidues() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      long a = random.nextLong(Mersenne61.P);
      long x = Mersenne61.reduce(random.nextLong());
      long b = random.nextLong(Mersenne61.P);
      assertThat(Mersenne61.mulAdd(a, x, b))
          .as("(%d · %d + %d) mod p", a, x, b)
          .isEqualTo(bigMulAdd(a, x, b));
    }
  }

  private static long bigReduce(long x) {
    return new BigInteger(Long.toUnsignedString(x)).mod(P).longValueExact();
  }

  private static long bigMulAdd(long a, long x, long b) {
    return BigInteger.valueOf(a).multiply(BigInteger.valueOf(x)).add(BigInteger.valueOf(b))
        .mod(P).longValueExact();
  }
}
