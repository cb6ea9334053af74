package dev.quarry.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordShinglesTest {

  @Test
  void wordsAreNormalisedAndPunctuationSplits() {
    assertThat(WordShingles.words("Hello, WORLD! It's 2024 — ﬁne café"))
        .containsExactly("hello", "world", "it", "s", "0000", "fine", "café");
  }

  @Test
  void hanKanaAndThaiCharactersAreWordsButHangulWordsAreNot() {
    assertThat(WordShingles.words("東京タワー、に行く")).containsExactly(
        "東", "京", "タ", "ワ", "ー", "に", "行", "く");
    assertThat(WordShingles.words("서울 도서관")).containsExactly("서울", "도서관");
  }

  @Test
  void jaccardCountsSharedShingles() {
    String a = "one two three four five six";
    String b = "one two three four five seven";
    // a has {1-5, 2-6}, b has {1-5, 2-5+seven}: one shared of three.
    assertThat(WordShingles.jaccard(a, b, 5)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(WordShingles.jaccard(a, "ONE two, three: four five six", 5)).isEqualTo(1.0);
    assertThat(WordShingles.jaccard(a, "entirely different words in this text", 5)).isZero();
  }

  @Test
  void shortTextsHaveNoShinglesAndRepeatsCountOnce() {
    assertThat(WordShingles.of("too short", 5)).isEmpty();
    assertThat(WordShingles.of("a b a b a b a b a b", 2)).hasSize(2);
    assertThat(WordShingles.jaccard(new long[0], new long[0])).isZero();
  }

  @Test
  void digitsAreFolded() {
    assertThat(WordShingles.jaccard("page 12 of 30 in total", "page 99 of 41 in total", 5))
        .isEqualTo(1.0);
  }
}
