package dev.quarry.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreHistogramTest {
  @Test
  void bucketsAreLinearAndABoundBelongsToTheBucketItStarts() {
    ScoreHistogram h = new ScoreHistogram();
    for (double v : new double[] {0.0, 0.049, 0.05, 0.7, 0.69999, 0.15, 1.0, 0.999}) {
      h.add(v);
    }
    assertThat(h.bucket(0.0)).isEqualTo(2);
    assertThat(h.bucket(0.05)).isEqualTo(1);
    assertThat(h.bucket(0.15)).isEqualTo(1);
    assertThat(h.bucket(0.65)).isEqualTo(1);
    assertThat(h.bucket(0.7)).isEqualTo(1);
    assertThat(h.bucket(0.95)).isEqualTo(1);
    assertThat(h.bucket(1.0)).isEqualTo(1);
    assertThat(h.count()).isEqualTo(8);
  }

  @Test
  void largeNegativeAndNanValuesLandInTheEndBuckets() {
    ScoreHistogram h = new ScoreHistogram();
    h.add(2.5);
    h.add(11);
    h.add(1e9);
    h.add(-3);
    h.add(Double.NaN);
    assertThat(h.bucket(2.5)).isEqualTo(1);
    assertThat(h.bucket(ScoreHistogram.LAST_BUCKET_FROM)).isEqualTo(2);
    assertThat(h.bucket(0)).isEqualTo(2);
    assertThat(h.count()).isEqualTo(5);
  }

  @Test
  void mergingInAnyOrderGivesTheSameSummary() {
    ScoreHistogram a = new ScoreHistogram();
    ScoreHistogram b = new ScoreHistogram();
    ScoreHistogram all = new ScoreHistogram();
    double[] values = {0.1, 0.93, 0.97, 0.5, 3.0, 0.97};
    for (int i = 0; i < values.length; i++) {
      (i % 2 == 0 ? a : b).add(values[i]);
      all.add(values[i]);
    }
    ScoreHistogram ab = new ScoreHistogram().merge(a).merge(b);
    ScoreHistogram ba = new ScoreHistogram().merge(b).merge(a);
    assertThat(ab.summary()).isEqualTo(ba.summary()).isEqualTo(all.summary());
    @SuppressWarnings("unchecked")
    Map<String, Long> buckets = (Map<String, Long>) all.summary().get("buckets");
    assertThat(buckets).containsExactly(Map.entry("0.10", 1L), Map.entry("0.50", 1L),
        Map.entry("0.90", 1L), Map.entry("0.95", 2L), Map.entry("3.00", 1L));
    assertThat(all.summary()).containsEntry("min", 0.1).containsEntry("max", 3.0)
        .containsEntry("count", 6L).containsEntry("bucket_width", 0.05);
  }

  @Test
  void anEmptyHistogramSummarisesToZeros() {
    assertThat(new ScoreHistogram().summary()).containsEntry("count", 0L)
        .containsEntry("min", 0.0).containsEntry("max", 0.0).containsEntry("mean", 0.0);
  }
}
