package dev.quarry.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class NfkcTest {

  @Test
  void asciiTextIsReturnedAsItIs() {
    String text = "Plain ASCII, with digits 42 and punctuation!";

    assertThat(Nfkc.of(text)).isSameAs(text);
  }

  @Test
  void otherTextIsNormalisedLikeTheJdkDoes() {
    String text = "ｆｕｌｌｗｉｄｔｈ ﬁne x² café\u00a0e\u0301";

    assertThat(Nfkc.of(text)).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFKC))
        .isEqualTo("fullwidth fine x2 café é");
  }
}
