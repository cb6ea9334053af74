package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HanVariantsTest {
  @Test
  void japaneseOnlyFormsRuleOutChinese() {
    HanVariants.Reading reading = HanVariants.read("営業時間");
    assertThat(reading.japanese()).isTrue();
    assertThat(reading.chinese()).isFalse();
  }

  @Test
  void simplifiedOnlyFormsRuleOutJapanese() {
    HanVariants.Reading reading = HanVariants.read("联系我们");
    assertThat(reading.simplifiedChinese()).isTrue();
    assertThat(reading.japanese()).isFalse();
  }

  @Test
  void traditionalFormsAreNotSimplifiedChinese() {
    HanVariants.Reading reading = HanVariants.read("最新情報");
    assertThat(reading.simplifiedChinese()).isFalse();
    assertThat(reading.traditionalChinese()).isTrue();
    assertThat(reading.japanese()).isTrue();
  }

  @Test
  void oneOddCharacterInALongTextRulesNothingOut() {
    String simplified = "我们的商店每天早上九点开门晚上八点关门欢迎大家来购物".repeat(3);
    HanVariants.Reading reading = HanVariants.read(simplified + "報");
    assertThat(reading.simplifiedChinese()).isTrue();
  }
}
