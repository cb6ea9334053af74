package dev.quarry.filters.quality;

import static dev.quarry.filters.quality.Fixtures.ENGLISH;
import static dev.quarry.filters.quality.Fixtures.doc;
import static dev.quarry.filters.quality.Fixtures.step;
import static dev.quarry.filters.quality.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class C4QualityTest {
  private static final String CLEAN = ENGLISH.strip();

  /** What is left of {@code text} (the drop reason if dropped). */
  private static String cleaned(DocumentStep step, String text) {
    Verdict verdict = step.apply(doc(text));
    return verdict.kept() ? verdict.document().text() : verdict.dropReason();
  }

  private static String cleaned(String text) {
    return cleaned(step("c4_quality"), text);
  }

  @Test
  void cleanProseIsKeptLineForLine() {
    assertThat(cleaned(ENGLISH)).isEqualTo(CLEAN);
    assertThat(step("c4_quality").apply(doc(CLEAN)).document().text()).isSameAs(CLEAN);
  }

  @Test
  void linesWithoutTerminalPunctuationOrEndingInAnEllipsisGo() {
    assertThat(cleaned("Home | News | Contact\n" + ENGLISH + "And then the story went on..."))
        .isEqualTo(CLEAN);
    for (String off : new String[] {"false", "null"}) {
      assertThat(cleaned(step("c4_quality", "{require_terminal_punctuation: " + off + "}"),
          "Home and News and Contact\n" + CLEAN))
          .isEqualTo("Home and News and Contact\n" + CLEAN);
    }
  }

  @Test
  void terminalPunctuationOfOtherScriptsAndClosingQuotesCount() {
    String quoted = "\"He said that the town was quiet.\"\n";
    assertThat(cleaned(quoted + CLEAN)).isEqualTo(quoted + CLEAN);
    assertThat(verdict(step("c4_quality"), Fixtures.CHINESE, "cmn")).isEqualTo("keep");
    assertThat(verdict(step("c4_quality"), Fixtures.JAPANESE, "jpn")).isEqualTo("keep");
    // Thai ends sentences without punctuation: the rule does not apply to it.
    assertThat(verdict(step("c4_quality"), Fixtures.THAI, "tha")).isEqualTo("keep");
  }

  @Test
  void shortLinesGo() {
    assertThat(cleaned("Thank you.\n" + CLEAN)).isEqualTo(CLEAN);
    assertThat(cleaned(step("c4_quality", "{min_words_per_line: null}"), "Thank you.\n" + CLEAN))
        .isEqualTo("Thank you.\n" + CLEAN);
    assertThat(cleaned(step("c4_quality", "{min_words_per_line: 20}"), CLEAN))
        .isEqualTo("c4_no_lines_left");
  }

  @Test
  void linesWithAnOverlongWordGo() {
    String line = "The code was " + "x".repeat(40) + " in the end.\n";
    assertThat(cleaned(line + CLEAN)).isEqualTo(line.strip() + "\n" + CLEAN);
    assertThat(cleaned(step("c4_quality", "{max_word_length: 30}"), line + CLEAN))
        .isEqualTo(CLEAN);
    assertThat(cleaned(step("c4_quality", "{max_word_length: null}"),
        "It was " + "y".repeat(1001) + " indeed.\n" + CLEAN))
        .startsWith("It was yyy");
  }

  @Test
  void citationsAreCutOut() {
    assertThat(cleaned("  The bridge was built in 1850.[1][citation needed] \n" + CLEAN))
        .isEqualTo("The bridge was built in 1850.\n" + CLEAN);
    for (String off : new String[] {"false", "null"}) {
      // Left in, the mark ends the line: not terminal punctuation, so the line goes.
      assertThat(cleaned(step("c4_quality", "{remove_citations: " + off + "}"),
          "The bridge was built in 1850.[1]\n" + CLEAN))
          .isEqualTo(CLEAN);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "javascript | drop_javascript_lines | Please enable JavaScript to see the comments.",
      "policy | drop_policy_lines | By using this site you agree to our Privacy Policy.",
      "cookies | drop_policy_lines | This website uses cookies to improve your experience."})
  void boilerplateLinesGoUnlessSwitchedOff(String what, String param, String line) {
    assertThat(cleaned(line + "\n" + CLEAN)).isEqualTo(CLEAN);
    assertThat(cleaned(step("c4_quality", "{" + param + ": false}"), line + "\n" + CLEAN))
        .isEqualTo(line + "\n" + CLEAN);
    assertThat(cleaned(step("c4_quality", "{" + param + ": null}"), line + "\n" + CLEAN))
        .isEqualTo(line + "\n" + CLEAN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "c4_lorem_ipsum | drop_lorem_ipsum | Lorem ipsum dolor sit amet, consectetur elit.",
      "c4_curly_bracket | drop_curly_bracket | The function returns {value} when called."})
  void documentRulesDropUnlessSwitchedOff(String reason, String param, String line) {
    assertThat(cleaned(CLEAN + "\n" + line)).isEqualTo(reason);
    assertThat(cleaned(step("c4_quality", "{" + param + ": false}"), CLEAN + "\n" + line))
        .isEqualTo(CLEAN + "\n" + line);
    assertThat(cleaned(step("c4_quality", "{" + param + ": null}"), CLEAN + "\n" + line))
        .isEqualTo(CLEAN + "\n" + line);
  }

  @Test
  void aCurlyBracketOnARemovedLineDoesNotCount() {
    assertThat(cleaned("var x = {a: 1}\n" + CLEAN)).isEqualTo(CLEAN);
  }

  @Test
  void tooFewSentencesDrop() {
    String three = "The river is long. It is wide too.\nThe town is old and quiet.";
    assertThat(cleaned(three)).isEqualTo("c4_too_few_sentences");
    assertThat(cleaned(step("c4_quality", "{min_sentences: 3}"), three)).isEqualTo(three);
    assertThat(cleaned(step("c4_quality", "{min_sentences: null}"), three)).isEqualTo(three);
  }

  @Test
  void blankLinesGo() {
    assertThat(cleaned(" \n" + ENGLISH.replace("\n", "\n \t \n\n"))).isEqualTo(CLEAN);
  }

  @Test
  void nothingLeftDrops() {
    assertThat(cleaned("Home\nNews\nContact us\n")).isEqualTo("c4_no_lines_left");
    assertThat(cleaned("")).isEqualTo("c4_no_lines_left");
  }

  @Test
  void countsAreChecked() {
    assertThatThrownBy(() -> step("c4_quality", "{min_sentences: -1}"))
        .hasMessageContaining("steps[0].params.min_sentences");
    assertThatThrownBy(() -> step("c4_quality", "{max_word_length: 0}"))
        .hasMessageContaining("max_word_length");
    assertThatThrownBy(() -> step("c4_quality", "{drop_lorem_ipsum: maybe}"))
        .hasMessageContaining("drop_lorem_ipsum");
  }
}
