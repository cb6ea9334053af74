package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private final LanguageIdentifier identifier = new LanguageIdentifier();

  @Test
  void theScriptDecidesWhereItCan() {
    assertThat(identifier.identify("서울 도서관").lang()).isEqualTo("kor");
    assertThat(identifier.identify("東京の天気").lang()).isEqualTo("jpn");
    assertThat(identifier.identify("北京天气预报").lang()).isEqualTo("cmn");
    assertThat(identifier.identify("καιρός σήμερα").lang()).isEqualTo("ell");
    assertThat(identifier.identify("สภาพอากาศวันนี้").lang()).isEqualTo("tha");
    assertThat(identifier.identify("שעות פתיחה").lang()).isEqualTo("heb");
  }

  @Test
  void lettersOnlyOneNeighbourUsesDecideInsideAGroup() {
    // Ukrainian ї/є, Belarusian ў, Serbian ђ/ћ: the raw model often picks a neighbour.
    assertThat(identifier.identify("Її подвір'я є чистим").lang()).isEqualTo("ukr");
    assertThat(identifier.identify("Ён ўжо дома").lang()).isEqualTo("bel");
    assertThat(identifier.identify("Ћерка и ђак").lang()).isEqualTo("srp");
    assertThat(identifier.identify("El pressupost d'enguany és molt alt i també la feina")
        .lang()).isEqualTo("cat");
  }

  @Test
  void longTextsAreClassifiedOnABoundedSample() {
    String paragraph = "The council voted on Tuesday to keep the library open later in summer. "
        + "Students and working parents had asked for evening hours for years, and the reading "
        + "room on the second floor will now stay open on Sunday afternoons as well. ";
    String longText = paragraph.repeat(200);
    assertThat(LanguageIdentifier.sample(longText, LanguageIdentifier.SAMPLE_CHARS).length())
        .isLessThanOrEqualTo(LanguageIdentifier.SAMPLE_CHARS + 2);
    LanguageIdentifier.Identification id = identifier.identify(longText);
    assertThat(id.lang()).isEqualTo("eng");
    assertThat(id.score()).isGreaterThan(0.65);
    assertThat(id.runnersUp()).hasSize(2);
    assertThat(LanguageIdentifier.sample("short", 240)).isEqualTo("short");
  }

  @Test
  void scoresAreProbabilitiesOverTheAllowedLanguages() {
    LanguageIdentifier.Identification id = identifier.identify(
        "Сьогодні у місті відкрили нову бібліотеку, яка працюватиме щодня до дев'ятої вечора.");
    assertThat(id.lang()).isEqualTo("ukr");
    double total = id.score() + id.runnersUp().stream()
        .mapToDouble(LanguageIdentifier.Candidate::score).sum();
    assertThat(total).isLessThanOrEqualTo(1.0 + 1e-9);
    assertThat(id.runnersUp()).allSatisfy(c -> assertThat(Scripts.languagesOf("CYRILLIC"))
        .contains(c.lang()));
  }

  @Test
  void supplementaryPrivateUseCharactersDoNotBreakIt() {
    // OpenNLP itself throws on this text (see FastLanguageModelTest).
    String text = "The council met on Tuesday to talk about the new library \uDBFF\uDC01\uDBFF\uDC01";
    assertThat(new LanguageIdentifier().identify(text).lang()).isEqualTo("eng");
  }
}
