package dev.quarry.mixes.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import org.junit.jupiter.api.Test;

class MixSpecTest {
  private static MixSpec parse(String yaml) {
    return YamlConfig.parse(yaml, "spec.yaml", MixSpec.class);
  }

  @Test
  void defaultsFillWhatTheSpecLeavesOut() {
    MixSpec spec = parse("""
        name: web-en
        sources:
          - {name: web, input: out/demo/dedup, tokens: 1000}
        """);
    assertThat(spec.tokenizer()).isEqualTo("cl100k_base");
    assertThat(spec.formats()).containsExactly(MixSpec.Format.MEGATRON);
    assertThat(spec.tokensPerShard()).isEqualTo(1L << 28);
    assertThat(spec.seed()).isEqualTo(1L);
    assertThat(spec.sources().get(0).maxEpochs()).isEqualTo(1.0);
    assertThat(spec.targets()).containsExactly(1000);
  }

  @Test
  void weightsShareWhatTotalTokensLeavesAfterFixedTargets() {
    MixSpec spec = parse("""
        name: m
        total_tokens: 1000
        sources:
          - {name: a, input: x, tokens: 100}
          - {name: b, input: y, weight: 2}
          - {name: c, input: z, weight: 1}
        """);
    // 900 left: b 600, c 300.
    assertThat(spec.targets()).containsExactly(100, 600, 300);
  }

  @Test
  void roundingGoesToTheLastWeightedSourceSoTheBudgetIsMetExactly() {
    MixSpec spec = parse("""
        name: m
        total_tokens: 100
        sources:
          - {name: a, input: x, weight: 1}
          - {name: b, input: y, weight: 1}
          - {name: c, input: z, weight: 1}
        """);
    assertThat(spec.targets()).containsExactly(33, 33, 34);
  }

  @Test
  void badSpecsNameTheFieldToChange() {
    assertThatThrownBy(() -> parse("""
        name: m
        sources:
          - {name: a, input: x}
        """)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources[0].tokens").hasMessageContaining("either tokens");
    assertThatThrownBy(() -> parse("""
        name: m
        sources:
          - {name: a, input: x, weight: 1}
        """)).hasMessageContaining("total_tokens").hasMessageContaining("required");
    assertThatThrownBy(() -> parse("""
        name: m
        sources:
          - {name: a, input: x, tokens: 5}
          - {name: a, input: y, tokens: 5}
        """)).hasMessageContaining("sources[1].name").hasMessageContaining("unique");
    assertThatThrownBy(() -> parse("""
        name: m
        sources:
          - {name: a, input: x, tokens: 5, max_epochs: 0.5}
        """)).hasMessageContaining("sources[0].max_epochs");
    assertThatThrownBy(() -> parse("""
        name: m
        formats: [megatron, parquet]
        sources:
          - {name: a, input: x, tokens: 5}
        """)).hasMessageContaining("formats").hasMessageContaining("megatron");
    assertThatThrownBy(() -> parse("""
        name: "my mix"
        sources:
          - {name: a, input: x, tokens: 5}
        """)).hasMessageContaining("name");
  }

  @Test
  void theHashFollowsEveryValue() {
    String base = """
        name: m
        seed: %d
        sources:
          - {name: a, input: x, tokens: 5}
        """;
    assertThat(parse(base.formatted(1)).hash()).isEqualTo(parse(base.formatted(1)).hash())
        .isNotEqualTo(parse(base.formatted(2)).hash());
  }
}
