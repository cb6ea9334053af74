package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagePriorTest {
  private final LanguagePrior web = LanguagePrior.web();

  @Test
  void commonLanguagesOutweighRareOnes() {
    assertThat(web.of("eng")).isGreaterThan(web.of("spa"));
    assertThat(web.of("spa")).isGreaterThan(web.of("ast"));
    assertThat(web.of("vol")).isEqualTo(web.of("min")).isPositive();
  }

  @Test
  void listedMembersOfAGroupShareItsHighestShare() {
    assertThat(web.of("bos")).isEqualTo(web.of("hrv"));
    assertThat(web.of("msa")).isEqualTo(web.of("ind"));
    assertThat(web.of("bel")).isEqualTo(web.of("rus"));
    assertThat(web.of("cat")).isEqualTo(web.of("spa"));
    // Not listed in the file: the floor, not the group's share.
    assertThat(web.of("sun")).isLessThan(web.of("ind"));
  }

  @Test
  void traditionalChineseIsAPartOfChinese() {
    assertThat(web.ofTraditionalChinese()).isPositive().isLessThan(web.of("cmn"));
  }

  @Test
  void uniformIsTheModelsOwnAssumption() {
    assertThat(LanguagePrior.uniform().of("eng")).isEqualTo(LanguagePrior.uniform().of("vol"));
  }
}
