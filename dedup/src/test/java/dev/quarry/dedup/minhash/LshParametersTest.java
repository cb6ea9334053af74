package dev.quarry.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LshParametersTest {

  /**
   * By default missed pairs weigh four times false candidates (the stage verifies candidates):
   * at 0.8 with 128 hashes that is 16 × 8, which finds 95% of the pairs right at the threshold.
   */
  @Test
  void threshold08With128HashesIsSixteenBandsOfEightRows() {
    LshParameters lsh = LshParameters.forThreshold(0.8, 128);

    assertThat(lsh).isEqualTo(LshParameters.of(16, 8, 0.8, 128));
    assertThat(lsh.probability(0.5)).isLessThan(0.1);
    assertThat(lsh.probability(0.8)).isCloseTo(0.9470, within(0.0005));
    assertCurve(lsh, 0.0607, 0.6133, 0.9470, 0.9999);
  }

  /**
   * With equal weights (datasketch's) the optimum is 8 × 16 (weighted area 0.033) with
   * P(0.8) = 0.20; of the divisor pairs of 128 only 16 × 8 has P(0.8) in [0.4, 0.95], and its
   * equal-weight area is 0.070. RedPajama's 9 × 13 bands only 117 of 128 hashes, which is not
   * allowed here.
   */
  @Test
  void equalWeightsChooseEightBandsOfSixteenRowsAt08() {
    LshParameters lsh = LshParameters.forThreshold(0.8, 128, 0.5, 0.5);

    assertThat(lsh).isEqualTo(LshParameters.of(8, 16, 0.8, 128));
    assertThat(lsh.probability(0.95)).isGreaterThan(0.98);
    assertCurve(lsh, 0.0001, 0.0263, 0.2042, 0.8059);
  }

  @Test
  void onlySixteenByEightMeetsTheBriefsBoundAt08() {
    List<String> withinBound = new ArrayList<>();
    for (int bands = 1; bands <= 128; bands *= 2) {
      LshParameters lsh = LshParameters.of(bands, 128 / bands, 0.8, 128);
      double p = lsh.probability(0.8);
      if (p >= 0.4 && p <= 0.95) {
        withinBound.add(bands + "x" + 128 / bands);
      }
    }
    LshParameters sixteenByEight = LshParameters.of(16, 8, 0.8, 128);
    LshParameters chosen = LshParameters.forThreshold(0.8, 128, 0.5, 0.5);

    assertThat(withinBound).containsExactly("16x8");
    assertThat(weightedArea(sixteenByEight)).isGreaterThan(2 * weightedArea(chosen));
  }

  /**
   * FineWeb's 14 × 8 is exactly what equal weights choose with 112 hashes at 0.72 — and for
   * every threshold from 0.649 to 0.746; at 0.747 the choice moves to 8 × 14.
   */
  @Test
  void fineWebsFourteenBandsOfEightRowsAt072With112Hashes() {
    LshParameters lsh = LshParameters.forThreshold(0.72, 112, 0.5, 0.5);

    assertThat(lsh).isEqualTo(LshParameters.of(14, 8, 0.72, 112));
    assertCurve(lsh, 0.0533, 0.5645, 0.9235, 0.9996);
    assertThat(LshParameters.forThreshold(0.65, 112, 0.5, 0.5).bands()).isEqualTo(14);
    assertThat(LshParameters.forThreshold(0.74, 112, 0.5, 0.5).bands()).isEqualTo(14);
    assertThat(LshParameters.forThreshold(0.75, 112, 0.5, 0.5)).extracting(
        LshParameters::bands, LshParameters::rows).containsExactly(8, 14);
  }

  @Test
  void weighingMissedPairsMoreMovesTheCurveDown() {
    // 0.2 × FP + 0.8 × FN: 16 × 8 scores 0.029 against 8 × 16's 0.047.
    assertThat(LshParameters.forThreshold(0.8, 128, 0.2, 0.8))
        .isEqualTo(LshParameters.of(16, 8, 0.8, 128))
        .isEqualTo(LshParameters.forThreshold(0.8, 128));
    assertThat(LshParameters.forThreshold(0.8)).isEqualTo(LshParameters.forThreshold(0.8, 128));
  }

  @Test
  void areasEqualTheirBinomialExpansion() {
    for (LshParameters lsh : List.of(LshParameters.of(16, 8, 0.8, 128),
        LshParameters.of(14, 8, 0.72, 112), LshParameters.of(20, 13, 0.8, 260))) {
      int b = lsh.bands();
      int r = lsh.rows();
      double t = lsh.threshold();
      double falsePositive = integralOfP(b, r, t);
      double falseNegative = (1 - t) - (integralOfP(b, r, 1) - falsePositive);

      assertThat(lsh.falsePositiveArea()).as("%s", lsh).isCloseTo(falsePositive, within(1e-10));
      assertThat(lsh.falseNegativeArea()).as("%s", lsh).isCloseTo(falseNegative, within(1e-10));
    }
  }

  @Test
  void curveEnds() {
    LshParameters lsh = LshParameters.of(16, 8, 0.8, 128);

    assertThat(lsh.probability(0)).isZero();
    assertThat(lsh.probability(1)).isEqualTo(1.0);
  }

  @Test
  void shuffleBytesCountEveryBandRowOfEveryDocument() {
    LshParameters lsh = LshParameters.of(8, 16, 0.8, 128);

    assertThat(lsh.expectedShuffleBytes(1000)).isEqualTo(1000L * 8 * (8 + 4 + 16));
    assertThat(lsh.expectedShuffleBytes(0)).isZero();
    assertThatThrownBy(() -> lsh.expectedShuffleBytes(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documents");
  }

  @Test
  void describeNamesTheChoiceTheCurveAndTheShuffle() {
    LshParameters lsh = LshParameters.forThreshold(0.8, 128);
    String text = lsh.describe(1_000_000_000L);

    assertThat(text).startsWith("threshold 0.80, 128 hashes as 16 bands × 8 rows"
            + " (steepest near s = (1/b)^(1/r) = 0.71);")
        .contains("448.00 GB of band keys for 1,000,000,000 documents");
    for (LshParameters.CurvePoint point : lsh.curve()) {
      assertThat(text).contains(String.format(Locale.ROOT, "%.1f: %.2f", point.similarity(),
          point.probability()));
    }
    assertThat(text).contains("s=0.5: 0.06, 0.7: 0.61, 0.8: 0.95, 0.9: 1.00");
    assertThat(lsh.describe()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
  void thresholdOutsideTheOpenUnitIntervalIsRejected(double threshold) {
    assertThatThrownBy(() -> LshParameters.forThreshold(threshold, 128))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold must be strictly between 0 and 1");
    assertThatThrownBy(() -> LshParameters.of(8, 16, threshold, 128))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -8, 1025, Integer.MAX_VALUE})
  void hashCountOutsideOneTo1024IsRejected(int numHashes) {
    assertThatThrownBy(() -> LshParameters.forThreshold(0.8, numHashes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numHashes must be between 1 and 1024");
    assertThatThrownBy(() -> LshParameters.of(1, numHashes, 0.8, numHashes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numHashes");
  }

  @Test
  void bandsTimesRowsMustBeTheHashCount() {
    assertThatThrownBy(() -> LshParameters.of(16, 7, 0.8, 128))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bands × rows must equal numHashes 128")
        .hasMessageContaining("16 × 7")
        .hasMessageContaining("allowed: 1 × 128, 2 × 64, 4 × 32, 8 × 16, 16 × 8, 32 × 4, 64 × 2,"
            + " 128 × 1");
    assertThatThrownBy(() -> LshParameters.of(0, 128, 0.8, 128))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bands × rows");
    assertThatThrownBy(() -> LshParameters.of(-1, -128, 0.8, 128))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bands × rows");
  }

  @Test
  void weightsOutsideZeroToOneOrBothZeroAreRejected() {
    assertThatThrownBy(() -> LshParameters.forThreshold(0.8, 128, -0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("falsePositiveWeight must be between 0 and 1");
    assertThatThrownBy(() -> LshParameters.forThreshold(0.8, 128, 0.5, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("falseNegativeWeight");
    assertThatThrownBy(() -> LshParameters.forThreshold(0.8, 128, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both be 0");
  }

  @Test
  void similarityOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> LshParameters.of(8, 16, 0.8, 128).probability(1.01))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("similarity");
  }

  /** P at 0.5, 0.7, 0.8 and 0.9, to four decimals (values from an independent computation). */
  private static void assertCurve(LshParameters lsh, double... expected) {
    assertThat(lsh.curve()).extracting(LshParameters.CurvePoint::similarity)
        .containsExactly(0.5, 0.7, 0.8, 0.9);
    List<LshParameters.CurvePoint> curve = lsh.curve();
    for (int i = 0; i < expected.length; i++) {
      assertThat(curve.get(i).probability()).as("P(%s)", curve.get(i).similarity())
          .isCloseTo(expected[i], within(0.00005));
    }
  }

  private static double weightedArea(LshParameters lsh) {
    return 0.5 * lsh.falsePositiveArea() + 0.5 * lsh.falseNegativeArea();
  }

  /** ∫₀ᵗ 1 − (1 − s^r)^b ds = Σ_{k=1..b} C(b,k) (−1)^{k+1} t^{rk+1} / (rk+1). */
  private static double integralOfP(int b, int r, double t) {
    double sum = 0;
    double binomial = 1;
    for (int k = 1; k <= b; k++) {
      binomial = binomial * (b - k + 1) / k;
      sum += (k % 2 == 1 ? 1 : -1) * binomial * Math.pow(t, r * k + 1) / (r * k + 1);
    }
    return sum;
  }
}
