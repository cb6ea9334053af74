package dev.quarry.mixes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.Hashing;
import dev.quarry.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GPT-2 tokenizer.json built from r50k_base, through DJL, against jtokkit's r50k_base. */
class HuggingFaceJsonTokenizerTest {
  @TempDir
  static Path dir;

  private static Path gpt2Json;
  private static Tokenizer gpt2;
  private static Tokenizer r50k;

  @BeforeAll
  static void load() throws IOException {
    DjlCache.useBuildDirectory();
    gpt2Json = Gpt2TokenizerJson.write(dir);
    gpt2 = Tokenizers.load(gpt2Json.toString(), null, null, UriBytes.defaults());
    r50k = Tokenizers.load("r50k_base", null, null);
  }

  @Test
  void sameIdsAsJtokkitOnEveryMultilingualText() {
    for (String text : MultilingualSample.TEXTS) {
      assertThat(gpt2.encode(text)).as(text).containsExactly(r50k.encode(text));
    }
  }

  @Test
  void sameVocabularySizeAndEndOfText() throws IOException {
    TokenizerIdentity identity = gpt2.identity();

    assertThat(identity.vocabSize()).isEqualTo(r50k.vocabSize()).isEqualTo(50257);
    assertThat(identity.eosId()).isEqualTo(r50k.identity().eosId()).isEqualTo(50256);
    assertThat(identity.bosId()).isNull();
    assertThat(identity.name()).isEqualTo(gpt2Json.toString());
    assertThat(identity.vocabularySha256())
        .isEqualTo(Hashing.sha256Hex(Files.readAllBytes(gpt2Json)));
  }

  @Test
  void literalEndOfTextIsPlainText() {
    String text = "one document <|endoftext|> forged boundary";

    int[] ids = gpt2.encode(text);

    assertThat(ids).doesNotContain(50256).containsExactly(r50k.encode(text));
    assertThat(gpt2.decode(ids, ids.length)).isEqualTo(text);
  }

  @Test
  void decodeOfEncodeIsTheText() {
    for (String text : MultilingualSample.TEXTS) {
      int[] ids = gpt2.encode(text);
      assertThat(gpt2.decode(ids, ids.length)).as(text).isEqualTo(text);
    }
  }

  @Test
  void decodeGivesTheSpecialTokenString() {
    int[] ids = {31373, 995, 50256, 0};

    assertThat(gpt2.decode(ids, 3)).isEqualTo("hello world<|endoftext|>");
  }

  @Test
  void oneInstanceServesManyThreads() {
    List<String> texts = MultilingualSample.TEXTS;

    IntStream.range(0, 400).parallel().forEach(i -> {
      String text = texts.get(i % texts.size());
      assertThat(gpt2.encode(text)).containsExactly(r50k.encode(text));
    });
  }

  @Test
  void explicitEndOfTextWhenTheFileHasNone() throws IOException {
    Path plain = Files.write(dir.resolve("no-special.json"), Gpt2TokenizerJson.build(false));

    assertThatThrownBy(() -> Tokenizers.load(plain.toString(), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("eos: ")
        .hasMessageContaining("</s>")
        .hasMessageContaining("give the end-of-document id with eos:");
    assertThat(Tokenizers.load(plain.toString(), 50255, null).identity().eosId()).isEqualTo(50255);
  }

  @Test
  void endOfTextPreference() {
    TokenizerJson json = TokenizerJson.parse("t.json", """
        {"model": {"type": "BPE", "vocab": {"a": 0, "b": 1}, "merges": []},
         "added_tokens": [
           {"id": 7, "content": "<|im_end|>", "special": true},
           {"id": 5, "content": "</s>", "special": true},
           {"id": 9, "content": "<|endoftext|>", "special": false},
           {"id": 3, "content": "<s>", "special": true}]}
        """.getBytes(StandardCharsets.UTF_8));

    assertThat(json.vocabSize()).isEqualTo(10);
    assertThat(json.endOfTextId("t.json")).isEqualTo(5);
    assertThat(json.specialTokens()).isEqualTo(Map.of("<|im_end|>", 7, "</s>", 5, "<s>", 3));
    assertThat(json.ordinaryJson()).contains("<|endoftext|>").doesNotContain("</s>");
  }

  @Test
  void notATokenizerJson() throws IOException {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"vocab_size\": 50257}");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"model\": ");

    assertThatThrownBy(() -> Tokenizers.load(config.toString(), null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("has no \"model\"");
    assertThatThrownBy(() -> Tokenizers.load(broken.toString(), null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("is not valid JSON");
  }
}
