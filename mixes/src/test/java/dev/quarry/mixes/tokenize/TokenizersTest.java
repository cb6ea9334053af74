package dev.quarry.mixes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizersTest {

  @Test
  void unknownNameListsTheValidOnes() {
    assertThatThrownBy(() -> Tokenizers.load("cl100k", null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tokenizer: unknown tokenizer 'cl100k'")
        .hasMessageContaining("r50k_base, p50k_base, cl100k_base, o200k_base")
        .hasMessageContaining("a path or URI to a HuggingFace tokenizer.json");
  }

  @Test
  void blankNameIsRequired() {
    assertThatThrownBy(() -> Tokenizers.load(" ", null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tokenizer: is required");
  }

  @Test
  void endOfTextMustBeInTheVocabulary() {
    assertThatThrownBy(() -> Tokenizers.load("r50k_base", 50257, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("eos: id 50257 is not in the vocabulary of r50k_base")
        .hasMessageContaining("(ids 0 to 50256): give an id below 50257");
    assertThatThrownBy(() -> Tokenizers.load("cl100k_base", -1, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("eos: id -1 is not in the vocabulary");
  }

  @Test
  void beginOfTextMustBeInTheVocabulary() {
    assertThatThrownBy(() -> Tokenizers.load("o200k_base", null, 200019))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bos: id 200019 is not in the vocabulary of o200k_base")
        .hasMessageContaining("leave bos: out for none");
  }

  @Test
  void encodingNamesNeverReadAFile() {
    List<String> read = new ArrayList<>();
    Function<String, byte[]> reader = uri -> {
      read.add(uri);
      return new byte[0];
    };

    Tokenizers.load("p50k_base", null, null, reader);

    assertThat(read).isEmpty();
  }

  @Test
  void filesAreReadThroughTheGivenFunction() {
    List<String> read = new ArrayList<>();
    Function<String, byte[]> reader = uri -> {
      read.add(uri);
      throw new UncheckedIOException(new NoSuchFileException(uri));
    };

    assertThatThrownBy(() -> Tokenizers.load("s3a://bucket/gpt2/tokenizer.json", null, null,
        reader))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tokenizer: cannot read s3a://bucket/gpt2/tokenizer.json")
        .hasMessageContaining("give an existing tokenizer.json, or one of r50k_base");
    assertThat(read).containsExactly("s3a://bucket/gpt2/tokenizer.json");
  }

  @Test
  void missingLocalFileSaysWhatToChange() {
    assertThatThrownBy(() -> Tokenizers.load("no/such/tokenizer.json", null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read no/such/tokenizer.json")
        .hasMessageContaining("NoSuchFileException");
  }

  @Test
  void hadoopReadsOtherSchemes(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("tokenizer.json"), "{}");

    assertThat(HadoopBytes.read(file.toUri().toString(), new Configuration()))
        .isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void localPathsAreNotHadoopUris() {
    assertThat(UriBytes.isLocal("tokenizers/tokenizer.json")).isTrue();
    assertThat(UriBytes.isLocal("/abs/tokenizer.json")).isTrue();
    assertThat(UriBytes.isLocal("file:/abs/tokenizer.json")).isTrue();
    assertThat(UriBytes.isLocal("C:\\tokenizers\\tokenizer.json")).isTrue();
    assertThat(UriBytes.isLocal("s3a://bucket/tokenizer.json")).isFalse();
    assertThat(UriBytes.isLocal("hdfs:///tokenizers/tokenizer.json")).isFalse();
  }
}
