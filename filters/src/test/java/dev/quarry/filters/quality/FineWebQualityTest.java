package dev.quarry.filters.quality;

import static dev.quarry.filters.quality.Fixtures.ENGLISH;
import static dev.quarry.filters.quality.Fixtures.step;
import static dev.quarry.filters.quality.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FineWebQualityTest {
  private static final String[] NUMBERS = {"one", "two", "three", "four", "five", "six"};

  private static String numbered(String format) {
    return IntStream.range(0, NUMBERS.length).mapToObj(i -> format.formatted(NUMBERS[i]))
        .collect(Collectors.joining("\n"));
  }

  /** reason, parameter, text. */
  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("fineweb_line_punctuation", "min_line_punctuation_ratio",
            numbered("Navigation menu entry number %s of the site")),
        Arguments.of("fineweb_short_lines", "max_short_lines_ratio",
            numbered("Short line %s.")),
        Arguments.of("fineweb_duplicate_lines", "max_duplicate_line_char_ratio",
            ENGLISH + "Share this story with your friends and family today.\n"
                + "Share this story with your friends and family today.\n"),
        Arguments.of("fineweb_newline_ratio", "max_newline_word_ratio",
            numbered("Extraordinarily unbelievable %s.") + "\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleDropsWithItsReason(String reason, String param, String text) {
    assertThat(verdict(step("fineweb_quality"), text)).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{1}: null switches {0} off")
  @MethodSource("rules")
  void eachThresholdSetToNullIsOff(String reason, String param, String text) {
    assertThat(verdict(step("fineweb_quality", "{" + param + ": null}"), text))
        .isEqualTo("keep");
  }

  @Test
  void ordinaryProseIsKept() {
    assertThat(verdict(step("fineweb_quality"), ENGLISH)).isEqualTo("keep");
    assertThat(verdict(step("fineweb_quality"), Fixtures.CHINESE, "cmn")).isEqualTo("keep");
    assertThat(verdict(step("fineweb_quality"), Fixtures.JAPANESE, "jpn")).isEqualTo("keep");
    assertThat(verdict(step("fineweb_quality"), Fixtures.THAI, "tha")).isEqualTo("keep");
  }

  @Test
  void blankLinesDoNotCount() {
    String spaced = ENGLISH.replace("\n", "\n\n \n");
    assertThat(verdict(step("fineweb_quality", "{max_newline_word_ratio: null}"), spaced))
        .isEqualTo("keep");
  }

  @Test
  void aTextWithoutAnyLineIsEmpty() {
    assertThat(verdict(step("fineweb_quality"), " \n\t\n")).isEqualTo("fineweb_empty");
    assertThat(verdict(step("fineweb_quality"), "")).isEqualTo("fineweb_empty");
  }

  @Test
  void whatIsShortCanBeChanged() {
    String text = numbered("Short line %s.");
    assertThat(verdict(step("fineweb_quality", "{short_line_length: 5}"), text))
        .isNotEqualTo("fineweb_short_lines");
    assertThatThrownBy(() -> step("fineweb_quality", "{short_line_length: -1}"))
        .hasMessageContaining("steps[0].params.short_line_length");
    assertThatThrownBy(() -> step("fineweb_quality", "{max_short_lines_ratio: 67}"))
        .hasMessageContaining("max_short_lines_ratio").hasMessageContaining("between 0.0 and 1.0");
  }
}
