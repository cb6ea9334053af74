package dev.quarry.filters.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.Json;
import dev.quarry.filters.chain.StepRegistry;
import org.junit.jupiter.api.Test;

class QualityStepsTest {
  @Test
  void registersTheFourSteps() {
    StepRegistry registry = QualitySteps.registerQualitySteps(new StepRegistry());
    assertThat(registry.names())
        .containsExactly("c4_quality", "fineweb_quality", "gopher_quality", "gopher_repetition");
    assertThatThrownBy(() -> QualitySteps.registerQualitySteps(registry))
        .hasMessageContaining("registered twice");
  }

  @Test
  void defaultsAreThoseOfDesign() {
    assertThat(Json.canonical(GopherQuality.Params.defaults())).isEqualTo("{"
        + "\"max_bullet_lines_ratio\":0.9,\"max_ellipsis_lines_ratio\":0.3,"
        + "\"max_mean_word_length\":10.0,\"max_symbol_word_ratio\":0.1,\"max_words\":100000.0,"
        + "\"min_alpha_words_ratio\":0.8,\"min_mean_word_length\":3.0,\"min_stop_words\":2.0,"
        + "\"min_words\":50.0}");
    assertThat(Json.canonical(GopherRepetition.Params.defaults())).isEqualTo("{"
        + "\"max_dup_10_gram_char_fraction\":0.1,\"max_dup_5_gram_char_fraction\":0.15,"
        + "\"max_dup_6_gram_char_fraction\":0.14,\"max_dup_7_gram_char_fraction\":0.13,"
        + "\"max_dup_8_gram_char_fraction\":0.12,\"max_dup_9_gram_char_fraction\":0.11,"
        + "\"max_dup_line_char_fraction\":0.2,\"max_dup_line_fraction\":0.3,"
        + "\"max_dup_para_char_fraction\":0.2,\"max_dup_para_fraction\":0.3,"
        + "\"max_top_2_gram_char_fraction\":0.2,\"max_top_3_gram_char_fraction\":0.18,"
        + "\"max_top_4_gram_char_fraction\":0.16}");
    assertThat(Json.canonical(C4Quality.Params.defaults())).isEqualTo("{"
        + "\"drop_curly_bracket\":true,\"drop_javascript_lines\":true,\"drop_lorem_ipsum\":true,"
        + "\"drop_policy_lines\":true,\"max_word_length\":1000.0,\"min_sentences\":5.0,"
        + "\"min_words_per_line\":3.0,\"remove_citations\":true,"
        + "\"require_terminal_punctuation\":true}");
    assertThat(Json.canonical(FineWebQuality.Params.defaults())).isEqualTo("{"
        + "\"max_duplicate_line_char_ratio\":0.01,\"max_newline_word_ratio\":0.3,"
        + "\"max_short_lines_ratio\":0.67,\"min_line_punctuation_ratio\":0.12,"
        + "\"short_line_length\":30}");
  }
}
