package dev.quarry.dedup.exact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Hashing;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactKeyTest {
  private static final ExactKey DEFAULTS = ExactKey.defaults();

  @Test
  void keyIsTheFirst128BitsOfSha256AsHex() {
    // Python: hashlib.sha256(b"Hello World").hexdigest()[:32]
    assertThat(DEFAULTS.of("Hello World")).isEqualTo("a591a6d40bf420404a011733cfb7b190");
    assertThat(DEFAULTS.of("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb924");
    assertThat(DEFAULTS.of("Hello World!")).isNotEqualTo(DEFAULTS.of("Hello World"));
  }

  @Test
  void nfkcFoldsFullwidthLettersLigaturesAndCompatibilitySpaces() {
    assertThat(DEFAULTS.normalise("Ｈｅｌｌｏ\u3000Ｗｏｒｌｄ")).isEqualTo("Hello World");
    assertThat(DEFAULTS.normalise("ﬁne ﬂour, ﬀ")).isEqualTo("fine flour, ff");
    assertThat(DEFAULTS.normalise("x\u00b2 ①")).isEqualTo("x2 1");
    assertThat(DEFAULTS.of("Ｈｅｌｌｏ Ｗｏｒｌｄ")).isEqualTo(DEFAULTS.of("Hello World"));
  }

  @Test
  void whitespaceRunsFoldToOneSpaceAndEndsAreTrimmed() {
    assertThat(DEFAULTS.normalise("  Hello \t\n\r World\u2028again\u0085end \u00a0"))
        .isEqualTo("Hello World again end");
    assertThat(DEFAULTS.of("Hello\n\nWorld  ")).isEqualTo(DEFAULTS.of("Hello World"));
  }

  @Test
  void everyAsciiCharacterFoldsExactlyWhenJavaOrUnicodeCallsItWhitespace() {
    for (char c = 0; c < 0x80; c++) {
      boolean whitespace = Character.isWhitespace(c) || Character.isSpaceChar(c);
      assertThat(DEFAULTS.normalise("a" + c + c + "b"))
          .as("U+%04X", (int) c)
          .isEqualTo(whitespace ? "a b" : "a" + c + c + "b");
    }
  }

  @Test
  void theWhitespaceTestAgreesWithJavaAndUnicodeOnEveryCodePoint() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean expected = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
      if (ExactKey.isWhitespace(cp) != expected) {
        throw new AssertionError(String.format("U+%04X: expected %s", cp, expected));
      }
    }
  }

  @Test
  void noWhitespaceLiesOutsideTheBasicMultilingualPlaneSoSurrogatesAreCopiedAsTheyAre() {
    for (int cp = Character.MIN_SUPPLEMENTARY_CODE_POINT; cp <= Character.MAX_CODE_POINT; cp++) {
      if (ExactKey.isWhitespace(cp)) {
        throw new AssertionError(String.format("U+%04X is whitespace", cp));
      }
    }
    assertThat(DEFAULTS.normalise(" \uD83D\uDE00 \n\uD83D\uDE00\uD800 "))
        .isEqualTo("\uD83D\uDE00 \uD83D\uDE00\uD800");
  }

  @Test
  void whitespaceIsKeptWhenFoldingIsOff() {
    ExactKey unfolded = new ExactKey(false, false);

    assertThat(unfolded.normalise(" Hello\n\tWorld ")).isEqualTo(" Hello\n\tWorld ");
    assertThat(unfolded.of("Hello  World")).isNotEqualTo(unfolded.of("Hello World"));
  }

  @Test
  void caseIsKeptUnlessLowercaseIsOn() {
    ExactKey lowercase = new ExactKey(true, true);

    assertThat(DEFAULTS.of("Hello World")).isNotEqualTo(DEFAULTS.of("hello world"));
    assertThat(lowercase.of("HELLO   World")).isEqualTo("b94d27b9934d3e08a52e52d7da7dabfa");
    assertThat(lowercase.normalise("ＡＢＣ Ÿ ǅ")).isEqualTo("abc ÿ dž"); // NFKC splits ǅ to Dž
  }

  @Test
  void keyIsTheHashOfTheNormalisedTextForAnyCharacters() {
    String longText = "Ünïcödé wörds, 東京タワー, ภาษาไทย, emoji 😀 and\u0085more\u3000spaces ".repeat(400);
    List<String> texts = List.of("", "   ", "  lead and trail \t\n", "a\u00a0\u2003b",
        "unpaired \ud800 high and \udc00 low", "pair 😀 at the end 😀", longText,
        "x".repeat(8190) + "é😀é");
    for (ExactKey key : List.of(new ExactKey(false, true), new ExactKey(false, false),
        new ExactKey(true, true))) {
      for (String text : texts) {
        assertThat(key.of(text)).as("%s on %.40s", key, text)
            .isEqualTo(Hashing.sha256Hex(key.normalise(text)).substring(0, 32));
      }
    }
  }
}
