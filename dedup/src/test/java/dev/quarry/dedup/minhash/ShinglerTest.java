package dev.quarry.dedup.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShinglerTest {

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
  void hanCharactersAreWordsSoShortCjkSentencesStillShingle() {
    // Six Han/Kana characters with no space: six words, two 5-character shingles.
    assertThat(Shingler.defaults().shingles("東京タワー行")).hasSize(2);
  }

  @Test
  void shingleSizeBelowOneIsRejected() {
    assertThatThrownBy(() -> new Shingler(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shingle size");
  }
}
