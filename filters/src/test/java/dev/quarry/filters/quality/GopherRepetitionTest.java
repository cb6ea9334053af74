package dev.quarry.filters.quality;

import static dev.quarry.filters.quality.Fixtures.ENGLISH;
import static dev.quarry.filters.quality.Fixtures.step;
import static dev.quarry.filters.quality.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.text.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GopherRepetitionTest {
  private static final String LONG = "This line is long enough to outweigh all the others here.";
  private static final String TOP = "max_top_2_gram_char_fraction: null, "
      + "max_top_3_gram_char_fraction: null, max_top_4_gram_char_fraction: null";

  /** Distinct made-up words: w0a, w1a, ... (no two share an n-gram). */
  private static String filler(int words, String tag) {
    return IntStream.range(0, words).mapToObj(i -> "w" + i + tag)
        .collect(Collectors.joining(" "));
  }

  /** A sequence of n distinct words said three times among distinct filler words. */
  private static String repeatedNgram(int n) {
    String gram = IntStream.range(0, n).mapToObj(i -> "rep" + (char) ('a' + i))
        .collect(Collectors.joining(" "));
    return filler(5, "x") + " " + gram + " " + filler(5, "y") + " " + gram + " "
        + filler(5, "z") + " " + gram;
  }

  /** The dup n-gram rules below {@code n}, off, so that {@code n}'s is the one that fires. */
  private static String smallerDupsOff(int n) {
    return IntStream.range(5, n).mapToObj(k -> "max_dup_" + k + "_gram_char_fraction: null")
        .collect(Collectors.joining(", "));
  }

  /** reason, parameter, other parameters (that isolate the rule), text. */
  static Stream<Arguments> rules() {
    List<Arguments> rules = new ArrayList<>(List.of(
        Arguments.of("gopher_dup_para_fraction", "max_dup_para_fraction", "",
            "One paragraph.\n\nOne paragraph.\n\nAnother paragraph."),
        Arguments.of("gopher_dup_para_chars", "max_dup_para_char_fraction", "",
            LONG + "\n\n" + LONG + "\n\nA.\n\nB."),
        Arguments.of("gopher_dup_line_fraction", "max_dup_line_fraction", "",
            "One line.\nOne line.\nAnother line."),
        Arguments.of("gopher_dup_line_chars", "max_dup_line_char_fraction", "",
            LONG + "\n" + LONG + "\nA.\nB."),
        Arguments.of("gopher_top_2_gram", "max_top_2_gram_char_fraction", "",
            "hello world one hello world two hello world three hello world four"),
        // "aaaa bbbb" twice: 18 of 109 characters (0.17, under 0.20); with "cccc": 28 (0.26).
        Arguments.of("gopher_top_3_gram", "max_top_3_gram_char_fraction", "",
            "aaaa bbbb cccc " + filler(10, "x") + " aaaa bbbb cccc " + filler(10, "y")),
        // 2-gram 18, 3-gram 28, 4-gram 38 of 219 characters: 0.08, 0.13, 0.17.
        Arguments.of("gopher_top_4_gram", "max_top_4_gram_char_fraction", "",
            "aaaa bbbb cccc dddd " + filler(20, "x") + " aaaa bbbb cccc dddd "
                + filler(20, "y"))));
    for (int n = 5; n <= 10; n++) {
      String others = TOP + (n > 5 ? ", " + smallerDupsOff(n) : "");
      rules.add(Arguments.of("gopher_dup_" + n + "_gram", "max_dup_" + n + "_gram_char_fraction",
          others, repeatedNgram(n)));
    }
    return rules.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleDropsWithItsReason(String reason, String param, String others, String text) {
    assertThat(verdict(step("gopher_repetition", "{" + others + "}"), text)).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{1}: null switches {0} off")
  @MethodSource("rules")
  void eachThresholdSetToNullIsOff(String reason, String param, String others, String text) {
    String params = "{" + (others.isEmpty() ? "" : others + ", ") + param + ": null}";
    assertThat(verdict(step("gopher_repetition", params), text)).isNotEqualTo(reason);
  }

  @Test
  void ordinaryProseIsKept() {
    assertThat(verdict(step("gopher_repetition"), ENGLISH)).isEqualTo("keep");
    assertThat(verdict(step("gopher_repetition"), Fixtures.CHINESE, "cmn")).isEqualTo("keep");
    assertThat(verdict(step("gopher_repetition"), Fixtures.JAPANESE, "jpn")).isEqualTo("keep");
    assertThat(verdict(step("gopher_repetition"), Fixtures.THAI, "tha")).isEqualTo("keep");
    assertThat(verdict(step("gopher_repetition"), "", "eng")).isEqualTo("keep");
  }

  @Test
  void oneRepeatedLineIsCaught() {
    assertThat(verdict(step("gopher_repetition"), Fixtures.lines("Buy now and save.", 2000)))
        .isEqualTo("gopher_dup_line_fraction");
  }

  @Test
  void thresholdsAreFractions() {
    assertThatThrownBy(() -> step("gopher_repetition", "{max_dup_7_gram_char_fraction: 2}"))
        .hasMessageContaining("steps[0].params.max_dup_7_gram_char_fraction")
        .hasMessageContaining("between 0.0 and 1.0");
    assertThatThrownBy(() -> step("gopher_repetition", "{max_dup_11_gram_char_fraction: 0.1}"))
        .hasMessageContaining("unknown key 'max_dup_11_gram_char_fraction'");
  }

  /** The n-gram measures against a direct transcription of their definitions. */
  @Test
  void ngramMeasuresMatchTheirDefinitions() {
    Random random = new Random(7);
    NgramRepetition ngrams = new NgramRepetition();
    for (int round = 0; round < 300; round++) {
      int vocabulary = 2 + random.nextInt(12);
      int length = random.nextInt(120);
      String text = IntStream.range(0, length)
          .mapToObj(i -> "w" + random.nextInt(vocabulary) + (random.nextInt(9) == 0 ? "xyz" : ""))
          .collect(Collectors.joining(" "));
      Words words = Words.of(text);
      List<String> list = IntStream.range(0, words.size()).mapToObj(words::word).toList();
      ngrams.of(words);
      for (int n = 2; n <= 4; n++) {
        assertThat(ngrams.topChars(n)).as("top %d-gram of %s", n, text)
            .isEqualTo(topChars(list, n));
      }
      for (int n = 5; n <= 10; n++) {
        assertThat(ngrams.duplicateChars(n)).as("dup %d-grams of %s", n, text)
            .isEqualTo(duplicateChars(list, n));
      }
    }
  }

  private static long topChars(List<String> words, int n) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i + n <= words.size(); i++) {
      counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
    }
    String top = null;
    int best = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > best) {
        top = e.getKey();
        best = e.getValue();
      }
    }
    return best < 2 ? 0 : (long) top.length() * best;
  }

  private static long duplicateChars(List<String> words, int n) {
    Set<List<String>> seen = new HashSet<>();
    long chars = 0;
    int i = 0;
    while (i + n <= words.size()) {
      List<String> gram = words.subList(i, i + n);
      if (seen.contains(gram)) {
        chars += gram.stream().mapToInt(String::length).sum();
        i += n;
      } else {
        seen.add(new ArrayList<>(gram));
        i++;
      }
    }
    return chars;
  }

  @Test
  void duplicateLinesAndParagraphsAreCountedAfterTheirFirstOccurrence() {
    Duplicates duplicates = new Duplicates().count("a\nb\na\n\n  \na\nb\n\nc\n\na\nb\n");
    // Non-blank lines a b a a b c a b: five of them repeat an earlier one.
    assertThat(duplicates.lines()).isEqualTo(new Duplicates.Count(8, 5, 5));
    // Paragraphs: "a\nb\na", "a\nb", "c", "a\nb" (a whitespace-only line separates too).
    assertThat(duplicates.paragraphs()).isEqualTo(new Duplicates.Count(4, 1, 3));
  }
}
