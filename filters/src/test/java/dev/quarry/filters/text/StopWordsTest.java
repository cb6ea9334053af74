package dev.quarry.filters.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.text.Words;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StopWordsTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "eng, The", "deu, und", "fra, les", "spa, los", "ita, della", "por, não", "nld, het",
      "dan, og", "nob, ikke", "swe, och", "fin, että", "hun, hogy", "tur, BİR", "rus, что",
      "ukr, що", "bul, това", "ces, jsou", "pol, jest", "ell, Είναι", "cat, els", "ron, este",
      "ekk, ning", "lvs, arī", "lit, kad", "srp, или", "hrv, ili", "hye, այդ", "ind, yang",
      "msa, yang", "ara, على", "pes, برای", "hin, में", "ben, এই", "tha, สำหรับ", "jpn, これ",
      "eus, eta", "glg, para", "gle, agus", "ckb, لە", "nep, र", "tam, ஒரு", "tel, మరియు"})
  void luceneSetsServeTheirLanguages(String lang, String word) {
    StopWords stopWords = StopWords.forLanguage(lang);
    assertThat(stopWords.available()).isTrue();
    assertThat(stopWords.contains(word)).as("%s in %s", word, stopWords).isTrue();
    assertThat(stopWords.contains("Zanzibar")).isFalse();
  }

  @Test
  void foldingMatchesWhatTheAnalyzersDo() {
    assertThat(StopWords.forLanguage("ell").contains("ΚΑΙ")).isTrue();
    assertThat(StopWords.forLanguage("ell").contains("είναι")).isTrue();
    assertThat(StopWords.forLanguage("tur").contains("Bu'nun")).isTrue();
    assertThat(StopWords.forLanguage("pes").contains("این")).isTrue();
    assertThat(StopWords.forLanguage("tha").contains("สําหรับ")).isTrue();
  }

  @Test
  void unknownLanguageUsesEverySetAndLanguagesWithoutOneHaveNone() {
    StopWords any = StopWords.forLanguage(null);
    assertThat(any).isSameAs(StopWords.forLanguage("und"));
    assertThat(any.contains("the")).isTrue();
    assertThat(any.contains("und")).isTrue();
    assertThat(any.contains("что")).isTrue();
    assertThat(StopWords.forLanguage("cmn")).isSameAs(StopWords.NONE);
    assertThat(StopWords.forLanguage("kor").available()).isFalse();
    assertThat(StopWords.forLanguage("xx-nonsense").available()).isFalse();
  }

  @Test
  void distinctStopWordsAreCountedUpToWhatIsNeeded() {
    StopWords english = StopWords.forLanguage("eng");
    Words words = Words.of("The cat and the dog and THE bird were in a tree");
    assertThat(english.distinctIn(words, 100)).isEqualTo(4); // the, and, in, a
    assertThat(english.distinctIn(words, 2)).isEqualTo(2);
    assertThat(StopWords.NONE.distinctIn(words, 2)).isZero();
  }

  @Test
  void everyMappedCodeLoads() {
    for (String code : StopWordSets.codes()) {
      assertThat(StopWords.forLanguage(code).size()).as(code).isGreaterThan(10);
    }
  }
}
