package dev.quarry.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.quarry.core.config.Json;
import dev.quarry.core.config.YamlConfig;
import org.junit.jupiter.api.Test;

class ThresholdTest {
  record Params(Threshold limit, @JsonDeserialize(using = NullMeansOff.class) Boolean rule) {
    Params {
      limit = Threshold.orDefault(limit, 0.5);
      rule = rule == null || rule;
    }
  }

  private static Params parse(String yaml) {
    return YamlConfig.parse(yaml, "test.yaml", Params.class);
  }

  @Test
  void absentIsTheDefaultNullIsOff() {
    assertThat(parse("{}").limit()).isEqualTo(Threshold.of(0.5));
    assertThat(parse("limit: 3").limit().value()).isEqualTo(3.0);
    assertThat(parse("limit: null").limit().on()).isFalse();
    assertThat(parse("limit: ~").limit()).isSameAs(Threshold.OFF);
    assertThat(parse("limit:").limit()).isSameAs(Threshold.OFF);
  }

  @Test
  void switchesAreOnByDefaultAndOffWithFalseOrNull() {
    assertThat(parse("{}").rule()).isTrue();
    assertThat(parse("rule: true").rule()).isTrue();
    assertThat(parse("rule: false").rule()).isFalse();
    assertThat(parse("rule: null").rule()).isFalse();
  }

  @Test
  void anOffThresholdNeverFires() {
    assertThat(Threshold.OFF.exceededBy(1e9)).isFalse();
    assertThat(Threshold.OFF.notReachedBy(-1e9)).isFalse();
    assertThat(Threshold.of(2).exceededBy(2)).isFalse();
    assertThat(Threshold.of(2).exceededBy(2.001)).isTrue();
    assertThat(Threshold.of(2).notReachedBy(1.999)).isTrue();
    assertThat(Threshold.ratio(1, 0)).isZero();
  }

  @Test
  void writtenBackOffIsNull() {
    assertThat(Json.canonical(parse("limit: null"))).isEqualTo("{\"limit\":null,\"rule\":true}");
    assertThat(Json.canonical(parse("{}"))).isEqualTo("{\"limit\":0.5,\"rule\":true}");
  }

  @Test
  void onlyNumbersAreThresholds() {
    assertThatThrownBy(() -> parse("limit: high")).hasMessageContaining("test.yaml: limit")
        .hasMessageContaining("bad value 'high'");
    assertThatThrownBy(() -> parse("limit: [1]")).hasMessageContaining("limit");
    assertThatThrownBy(() -> Threshold.of(1).requireWhole(0, 10, "x").requireBetween(2, 3, "x"))
        .hasMessageContaining("x: must be between 2.0 and 3.0");
    assertThatThrownBy(() -> Threshold.of(1.5).requireWhole(0, 10, "x"))
        .hasMessageContaining("whole number");
  }
}
