package dev.quarry.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void mergeIsOrderIndependent() {
    Stats a = new Stats().increment("kept").observe("len", 10).observe("len", 0);
    Stats b = new Stats().add("kept", 2).increment("rejected.x").observe("len", 1000);
    Stats ab = new Stats().merge(a).merge(b);
    Stats ba = new Stats().merge(b).merge(a);
    assertThat(ab.summary()).isEqualTo(ba.summary());
    assertThat(ab.counter("kept")).isEqualTo(3);
    assertThat(ab.countersWithPrefix("rejected.")).isEqualTo(Map.of("x", 1L));
    assertThat(ab.histogram("len").count()).isEqualTo(3);
    assertThat(ab.histogram("len").sum()).isEqualTo(1010);
  }

  @Test
  void histogramBucketsArePowersOfTwo() {
    Histogram h = new Histogram();
    for (long v : new long[] {0, 1, 2, 3, 4, 1023, 1024}) {
      h.add(v);
    }
    assertThat(Histogram.bucketOf(0)).isZero();
    assertThat(Histogram.bucketOf(1)).isEqualTo(1);
    assertThat(Histogram.bucketOf(3)).isEqualTo(2);
    assertThat(Histogram.bucketOf(1024)).isEqualTo(11);
    @SuppressWarnings("unchecked")
    Map<String, Long> buckets = (Map<String, Long>) h.summary().get("buckets");
    assertThat(buckets).containsEntry("0", 1L).containsEntry("1-1", 1L)
        .containsEntry("2-3", 2L).containsEntry("4-7", 1L).containsEntry("512-1023", 1L)
        .containsEntry("1024-2047", 1L);
    assertThat(h.quantileUpperBound(0.5)).isEqualTo(3);
  }

  @Test
  void accountingDetectsLostRecords() {
    Accounting ok = new Accounting(10, 6, Map.of("too_short", 3L), Map.of("corrupt", 1L));
    assertThat(ok.balanced()).isTrue();
    assertThat(ok.errorRate()).isEqualTo(0.1);
    Accounting lost = new Accounting(10, 6, Map.of("too_short", 3L), Map.of());
    assertThatThrownBy(() -> lost.verify("ingest"))
        .hasMessageContaining("records_in=10 but kept=6 + rejected=3 + errors=0 = 9");
  }
}
