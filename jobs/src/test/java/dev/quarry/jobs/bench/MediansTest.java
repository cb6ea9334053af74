package dev.quarry.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {
  @Test
  void oddCountTakesTheMiddleValueWhateverTheOrder() {
    assertThat(Medians.of(List.of(9.0, 1.0, 4.0))).isEqualTo(4.0);
    assertThat(Medians.of(List.of(2.5))).isEqualTo(2.5);
  }

  @Test
  void evenCountTakesTheMeanOfTheTwoMiddleValues() {
    assertThat(Medians.of(List.of(10.0, 1.0, 3.0, 4.0))).isEqualTo(3.5);
  }

  @Test
  void noValuesIsAnError() {
    assertThatThrownBy(() -> Medians.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownValuesAreLeftOutAndNoneKnownIsUnknown() {
    assertThat(Medians.ofKnown(Arrays.asList(300L, null, 100L))).isEqualTo(200L);
    assertThat(Medians.ofKnown(Arrays.asList(null, null))).isNull();
  }

  @Test
  void agreedIsTheCommonValueOrNull() {
    assertThat(Medians.agreed(List.of(414L, 414L))).isEqualTo(414L);
    assertThat(Medians.agreed(List.of(414L, 413L))).isNull();
  }
}
