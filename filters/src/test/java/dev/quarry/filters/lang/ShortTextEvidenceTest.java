package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortTextEvidenceTest {
  @Test
  void stopWordsOfAShortTextCountForTheirLanguage() {
    ShortTextEvidence evidence = ShortTextEvidence.of("mon compte");
    assertThat(evidence.factor("fra")).isEqualTo(ShortTextEvidence.FACTOR);
    assertThat(evidence.factor("eng")).isEqualTo(1);
    assertThat(evidence.factor("cmn")).as("no stop words known").isEqualTo(1);
  }

  @Test
  void atMostTwoDistinctStopWordsCount() {
    assertThat(ShortTextEvidence.of("and the and of").factor("eng"))
        .isEqualTo(ShortTextEvidence.FACTOR * ShortTextEvidence.FACTOR);
  }

  @Test
  void longerTextsAreLeftToTheModel() {
    assertThat(ShortTextEvidence.of("the cat and the dog sat on the mat by the door")
        .factor("eng")).isEqualTo(1);
    assertThat(ShortTextEvidence.of("").factor("eng")).isEqualTo(1);
  }
}
