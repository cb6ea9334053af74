package dev.quarry.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShinglerTest {

  @Test
  void theScriptRangesThatSkipTheScriptTableAgreeWithIt() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean expected = switch (Character.UnicodeScript.of(cp)) {
        case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
        default -> false;
      };
      if (Shingler.isSpaceless(cp) != expected) {
        throw new AssertionError(String.format("U+%04X: expected %s", cp, expected));
      }
    }
  }

  @Test
  void textsShorterThanTheShingleSizeAreTooShort() {
    Shingler shingler = Shingler.defaults();

    assertThat(shingler.tooShort(shingler.shingles("only four words here"))).isTrue();
    assertThat(shingler.tooShort(shingler.shingles("five words are enough here"))).isFalse();
    assertThat(shingler.shingles("five words are enough here")).hasSize(1);
  }

  @Test
  void shinglesFollowTheConfiguredSize() {
    String text = "one two three four five six";

    assertThat(new Shingler(5).shingles(text)).hasSize(2);
    assertThat(new Shingler(2).shingles(text)).hasSize(5);
    assertThat(new Shingler(7).shingles(text)).isEmpty();
  }

  @Test
  void charactersOfSpacelessScriptsAreWordsSoCjkAndThaiGetCharacterNgrams() {
    // Six Han/Kana characters with no space: six words, two 5-character shingles (the splitter
    // makes the katakana run one word; shingles take its characters one by one).
    assertThat(Shingler.defaults().shingles("東京タワー行")).hasSize(2);
    // Thai: the dictionary splits "ภาษาไทย" into two words; shingles take its 7 characters.
    assertThat(new Shingler(7).shingles("ภาษาไทย")).hasSize(1);
    // Hangul is written with spaces: its words stay words.
    assertThat(new Shingler(2).shingles("한국어 문장 입니다")).hasSize(2);
  }

  @Test
  void wordsAreTheFiltersWordsNormalisedCaseDigitsAndPunctuationFolded() {
    Shingler pairs = new Shingler(2);

    assertThat(pairs.shingles("Don't STOP me now 3.14"))
        .isEqualTo(pairs.shingles("dont stop me, now: 2.71"))
        .isEqualTo(pairs.shingles("ＤＯＮ'Ｔ stop  me\nnow 9.99")) // fullwidth: NFKC
        .hasSize(4);
    assertThat(pairs.shingles("dont stop me now 31.4")).as("the digits are folded, not "
        + "their count").isNotEqualTo(pairs.shingles("dont stop me now 3.1"));
  }

  @Test
  void symbolsAndPunctuationAloneAreNoWords() {
    assertThat(new Shingler(3).shingles("one — two … | three")).hasSize(1);
  }

  @Test
  void shinglesOfNfkcKeepTextOrderAndRepeatsForTheSignature() {
    Shingler pairs = new Shingler(2);

    assertThat(pairs.shinglesOfNfkc("a b a b a")).hasSize(4);
    assertThat(pairs.shingles("a b a b a")).hasSize(2);
    assertThat(pairs.shinglesOfNfkc("a b a b a")).containsSubsequence(
        pairs.shinglesOfNfkc("a b")[0], pairs.shinglesOfNfkc("b a")[0]);
  }

  @Test
  void shingleSizeBelowOneIsRejected() {
    assertThatThrownBy(() -> new Shingler(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shingle size");
  }
}
