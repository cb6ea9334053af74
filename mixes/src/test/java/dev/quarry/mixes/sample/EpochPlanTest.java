package dev.quarry.mixes.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class EpochPlanTest {
  @Test
  void aTargetBelowWhatIsAvailableIsOnePartialEpoch() {
    assertThat(EpochPlan.of(0, "web", 300, 1000, 1)).isEqualTo(new EpochPlan(0, 300));
  }

  @Test
  void upsamplingTakesWholeEpochsThenASample() {
    assertThat(EpochPlan.of(0, "web", 2500, 1000, 3)).isEqualTo(new EpochPlan(2, 500));
    assertThat(EpochPlan.of(0, "web", 2000, 1000, 2)).isEqualTo(new EpochPlan(2, 0));
  }

  @Test
  void askingForMoreThanMaxEpochsAllowsSaysHowManyTokensExist() {
    assertThatThrownBy(() -> EpochPlan.of(1, "books", 2500, 1000, 2))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources[1]")
        .hasMessageContaining("2,500 tokens")
        .hasMessageContaining("hold 1,000 tokens")
        .hasMessageContaining("at most 2,000")
        .hasMessageContaining("raise max_epochs to 2.5");
    assertThatThrownBy(() -> EpochPlan.of(0, "empty", 1, 0, 1))
        .hasMessageContaining("sources[0].filter").hasMessageContaining("no documents");
  }
}
