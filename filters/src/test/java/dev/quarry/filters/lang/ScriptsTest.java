package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptsTest {
  @Test
  void lettersALanguageDoesNotWriteWeighAgainstIt() {
    Scripts.Letters hungarian = new Scripts.Letters("napi menü");
    assertThat(hungarian.rareLetterFactor("ita")).isEqualTo(Scripts.RARE_LETTERS);
    assertThat(hungarian.rareLetterFactor("hun")).isEqualTo(1);
    assertThat(hungarian.rareLetterFactor("vie")).as("not judged by letters").isEqualTo(1);
    assertThat(new Scripts.Letters("گزارش روزانه").rareLetterFactor("ara"))
        .isEqualTo(Scripts.RARE_LETTERS);
  }

  @Test
  void oneLoanwordInALongTextDoesNotCount() {
    String english = "We met at the café on the corner and talked about the weather, the "
        + "trains and the new library that opens next spring in the old town hall.";
    assertThat(new Scripts.Letters(english).rareLetterFactor("eng")).isEqualTo(1);
  }

  @Test
  void requiredLettersRuleOutTheLanguageWithoutThem() {
    assertThat(new Scripts.Letters("привет как дела").lackRequiredLettersOf("kaz")).isTrue();
    assertThat(new Scripts.Letters("қазақ тілі").lackRequiredLettersOf("kaz")).isFalse();
    assertThat(new Scripts.Letters("привет").lackRequiredLettersOf("rus")).isFalse();
  }

  @Test
  void kanaMakesHanTextJapanese() {
    assertThat(Scripts.dominant("東京の天気").script()).isEqualTo("JAPANESE");
    assertThat(Scripts.dominant("北京天气").script()).isEqualTo("HAN");
    assertThat(Scripts.languagesOf("HAN")).contains("cmn", "jpn");
  }
}
