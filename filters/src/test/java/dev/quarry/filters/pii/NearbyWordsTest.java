package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NearbyWordsTest {
  private final NearbyWords words = NearbyWords.of("ip", "version*", "§", "地址");

  private boolean occurs(String text) {
    return words.occursIn(text, 0, text.length());
  }

  @Test
  void wholeWordsAndStemsIgnoringCase() {
    assertThat(occurs("the IP is")).isTrue();
    assertThat(occurs("IP-Adresse")).isTrue();
    assertThat(occurs("my iPhone, a zip file, skip it")).isFalse();
    assertThat(occurs("Versions differ")).isTrue();
    assertThat(occurs("subversion")).isFalse();
  }

  @Test
  void wordEdgesCountOnlyBetweenCasedLetters() {
    assertThat(occurs("攻击来自IP地址")).isTrue();
    assertThat(occurs("IPアドレス")).isTrue();
    assertThat(occurs("gemäß §12")).isTrue();
  }

  @Test
  void lastEndTellsWhichWordIsNearer() {
    String text = "version 1, then ip 2";
    assertThat(words.lastEnd(text, 0, text.length())).isEqualTo(text.indexOf("ip") + 2);
    assertThat(words.lastEnd(text, 0, 9)).isEqualTo(7);
    assertThat(words.lastEnd(text, 3, 9)).isEqualTo(-1);
    assertThat(words.lastEnd(text, -5, 1000)).isEqualTo(text.indexOf("ip") + 2);
  }

  @Test
  void linesBoundTheWindow() {
    String text = "ab\ncd";
    assertThat(NearbyWords.lineStart(text, 4, 48)).isEqualTo(3);
    assertThat(NearbyWords.lineStart(text, 1, 48)).isZero();
    assertThat(NearbyWords.lineEnd(text, 0, 48)).isEqualTo(2);
    assertThat(NearbyWords.lineEnd(text, 4, 48)).isEqualTo(5);
  }
}
