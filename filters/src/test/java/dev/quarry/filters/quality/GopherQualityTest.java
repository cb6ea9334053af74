package dev.quarry.filters.quality;

import static dev.quarry.filters.quality.Fixtures.ENGLISH;
import static dev.quarry.filters.quality.Fixtures.step;
import static dev.quarry.filters.quality.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GopherQualityTest {
  private static final String SHORT = "The cat sat on the mat and it was happy.";

  /**
   * reason, the parameter that rule reads, its value in the test ("" for the default), other
   * parameters (so that the text can be tiny), text, lang.
   */
  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("gopher_too_few_words", "min_words", "", "", SHORT, "eng"),
        Arguments.of("gopher_too_many_words", "max_words", "5", "min_words: 3", SHORT, "eng"),
        Arguments.of("gopher_mean_word_length", "min_mean_word_length", "", "min_words: 3",
            "I am so at it by me on a do.", "eng"),
        Arguments.of("gopher_mean_word_length", "max_mean_word_length", "", "min_words: 3",
            "The internationalization considerations and the characterization difficulties.",
            "eng"),
        Arguments.of("gopher_symbol_ratio", "max_symbol_word_ratio", "", "min_words: 3",
            "#tagged #words and #more the #tags it was", "eng"),
        Arguments.of("gopher_symbol_ratio", "max_symbol_word_ratio", "", "min_words: 3",
            "Waiting\u2026 and then everything was\u2026 the ending of it.", "eng"),
        Arguments.of("gopher_bullet_lines", "max_bullet_lines_ratio", "", "min_words: 3",
            "\u2022 the first point of it\n\u2022 and the second one\n- a third and the last",
            "eng"),
        Arguments.of("gopher_ellipsis_lines", "max_ellipsis_lines_ratio", "", "min_words: 3", """
            It was the best of times and it was the worst of times for all of them...
            The story goes on and on and the reader is left wanting more of it.
            """, "eng"),
        Arguments.of("gopher_alpha_words", "min_alpha_words_ratio", "", "min_words: 3",
            "the 2024 1999 and 3000 it 4500 5600 was 7800 9100", "eng"),
        Arguments.of("gopher_alpha_words", "min_alpha_words_ratio", "", "min_words: 3",
            "| the | house | and | it | was | on | the | hill |", "eng"),
        Arguments.of("gopher_stop_words", "min_stop_words", "", "min_words: 3",
            "Quick brown foxes jump over lazy dogs.", "eng"));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("rules")
  void eachRuleDropsWithItsReason(String reason, String param, String value, String others,
      String text, String lang) {
    String params = join(others, value.isEmpty() ? "" : param + ": " + value);
    assertThat(verdict(step("gopher_quality", params), text, lang)).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{1}: null switches {0} off")
  @MethodSource("rules")
  void eachThresholdSetToNullIsOff(String reason, String param, String value, String others,
      String text, String lang) {
    assertThat(verdict(step("gopher_quality", join(others, param + ": null")), text, lang))
        .isEqualTo("keep");
  }

  static String join(String... entries) {
    return Stream.of(entries).filter(e -> !e.isEmpty())
        .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
  }

  @Test
  void ordinaryProseIsKept() {
    assertThat(verdict(step("gopher_quality"), ENGLISH)).isEqualTo("keep");
  }

  @Test
  void thresholdsCanBeChanged() {
    assertThat(verdict(step("gopher_quality", "{min_words: 100}"), ENGLISH))
        .isEqualTo("gopher_too_few_words");
    assertThat(verdict(step("gopher_quality", "{min_words: 3}"), SHORT)).isEqualTo("keep");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cmn", "zho", "und", ""})
  void chineseOfOrdinaryLengthIsKept(String lang) {
    assertThat(verdict(step("gopher_quality"), Fixtures.CHINESE, lang.isEmpty() ? null : lang))
        .isEqualTo("keep");
  }

  @Test
  void japaneseKoreanAndThaiOfOrdinaryLengthAreKept() {
    assertThat(verdict(step("gopher_quality"), Fixtures.JAPANESE, "jpn")).isEqualTo("keep");
    assertThat(verdict(step("gopher_quality"), Fixtures.THAI, "tha")).isEqualTo("keep");
    String korean = "서울은 대한민국의 수도이며 한강을 따라 자리 잡은 큰 도시입니다. ".repeat(8);
    assertThat(verdict(step("gopher_quality", "{min_stop_words: null}"), korean, "kor"))
        .isEqualTo("keep");
  }

  @Test
  void stopWordsComeFromTheDocumentsLanguage() {
    String german = "Der Hund und die Katze schlafen im Garten.";
    assertThat(verdict(step("gopher_quality", "{min_words: 3}"), german, "deu"))
        .isEqualTo("keep");
    assertThat(verdict(step("gopher_quality", "{min_words: 3}"), german, "eng"))
        .isEqualTo("gopher_stop_words");
    // Not identified: any language's stop words count.
    assertThat(verdict(step("gopher_quality", "{min_words: 3}"), german, null)).isEqualTo("keep");
    assertThat(verdict(step("gopher_quality", "{min_words: 3}"), german, "und"))
        .isEqualTo("keep");
    // A language without a stop-word set: the rule does not apply.
    assertThat(verdict(step("gopher_quality", "{min_words: 3}"), "Quick brown foxes jump.",
        "vie")).isEqualTo("keep");
  }

  @Test
  void nonsenseRangesAreRejected() {
    assertThatThrownBy(() -> step("gopher_quality", "{min_words: 10, max_words: 5}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("steps[0].params.min_words")
        .hasMessageContaining("max_words");
    assertThatThrownBy(() -> step("gopher_quality", "{min_alpha_words_ratio: 1.5}"))
        .hasMessageContaining("min_alpha_words_ratio").hasMessageContaining("between 0.0 and 1.0");
    assertThatThrownBy(() -> step("gopher_quality", "{min_stop_words: 2.5}"))
        .hasMessageContaining("min_stop_words").hasMessageContaining("whole number");
    assertThatThrownBy(() -> step("gopher_quality", "{max_symbol_word_ratio: -1}"))
        .hasMessageContaining("max_symbol_word_ratio");
    assertThatThrownBy(() -> step("gopher_quality", "{min_words: lots}"))
        .hasMessageContaining("min_words").hasMessageContaining("bad value 'lots'");
    assertThatThrownBy(() -> step("gopher_quality", "{min_word: 3}"))
        .hasMessageContaining("unknown key 'min_word'").hasMessageContaining("min_words");
  }
}
