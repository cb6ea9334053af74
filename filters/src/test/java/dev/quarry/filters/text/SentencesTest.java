package dev.quarry.filters.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
  private static int count(String text) {
    return Sentences.count(text, 0, text.length(), 100);
  }

  @Test
  void sentencesEndAtEveryScriptsFullStops() {
    assertThat(count("The town is old. Is it quiet? Yes! It is.")).isEqualTo(4);
    assertThat(count("北京很大。上海也很大！你去过吗？")).isEqualTo(3);
    assertThat(count("यह एक वाक्य है। यह दूसरा है।")).isEqualTo(2);
    assertThat(count("No full stop at the end")).isEqualTo(1);
    assertThat(count("... !!! ???")).isZero();
    assertThat(count("")).isZero();
  }

  @Test
  void countingStopsAtEnough() {
    String text = "One. Two. Three. Four. Five. Six.";
    assertThat(Sentences.count(text, 0, text.length(), 3)).isEqualTo(3);
    assertThat(Sentences.count(text, 5, 9, 10)).isEqualTo(1);
  }

  @Test
  void terminalPunctuation() {
    for (String ending : new String[] {".", "!", "?", "\"", "'", "”", "»", "。", "！", "？", "।",
        "؟", "։", "።", "။"}) {
      String line = "It ends" + ending;
      assertThat(Punctuation.endsTerminal(line, 0, line.length())).as(ending).isTrue();
    }
    for (String ending : new String[] {",", ":", ";", "a", "…", ")", " "}) {
      String line = "It ends" + ending;
      assertThat(Punctuation.endsTerminal(line, 0, line.length())).as(ending).isFalse();
    }
    assertThat(Punctuation.endsWithEllipsis("So...", 0, 5)).isTrue();
    assertThat(Punctuation.endsWithEllipsis("So…", 0, 3)).isTrue();
    assertThat(Punctuation.endsWithEllipsis("So.", 0, 3)).isFalse();
    assertThat(Punctuation.endsSentencesWithPunctuation("tha")).isFalse();
    assertThat(Punctuation.endsSentencesWithPunctuation("eng")).isTrue();
  }
}
