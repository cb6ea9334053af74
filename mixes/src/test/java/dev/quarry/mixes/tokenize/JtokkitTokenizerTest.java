package dev.quarry.mixes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class JtokkitTokenizerTest {
  private static final EncodingRegistry JTOKKIT = Encodings.newLazyEncodingRegistry();

  private static Tokenizer load(String name) {
    return Tokenizers.load(name, null, null);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Published by OpenAI (tiktoken README and cookbook).
      "cl100k_base | hello world        | 15339 1917",
      "r50k_base   | hello world        | 31373 995",
      "r50k_base   | tiktoken is great! | 83 1134 30001 318 1049 0",
      "p50k_base   | tiktoken is great! | 83 1134 30001 318 1049 0",
      "cl100k_base | tiktoken is great! | 83 1609 5963 374 2294 0",
      "o200k_base  | tiktoken is great! | 83 8251 2488 382 2212 0"})
  void publishedIds(String encoding, String text, String ids) {
    int[] expected = List.of(ids.split(" ")).stream().mapToInt(Integer::parseInt).toArray();

    assertThat(load(encoding).encode(text)).containsExactly(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "r50k_base, 50256, 50257",
      "p50k_base, 50256, 50281",
      "cl100k_base, 100257, 100277",
      "o200k_base, 199999, 200019"})
  void endOfTextAndVocabularySize(String encoding, int eos, int vocabSize) {
    Tokenizer tokenizer = load(encoding);

    assertThat(tokenizer.identity())
        .isEqualTo(new TokenizerIdentity(encoding, tokenizer.identity().vocabularySha256(),
            vocabSize, eos, null));
    assertThat(tokenizer.vocabSize()).isEqualTo(vocabSize);
    assertThat(tokenizer.decode(new int[] {eos}, 1)).isEqualTo("<|endoftext|>");
  }

  @ParameterizedTest
  @EnumSource(TiktokenEncoding.class)
  void vocabularySizeIsJtokkitsLargestIdPlusOne(TiktokenEncoding which) {
    Encoding encoding = JTOKKIT.getEncoding(which.type());
    Tokenizer tokenizer = load(which.encodingName());
    int vocabSize = tokenizer.vocabSize();

    assertThat(encoding.decode(ids(vocabSize - 1))).isNotEmpty();
    // jtokkit 1.1 throws a NullPointerException for an id it does not know.
    assertThatThrownBy(() -> encoding.decode(ids(vocabSize)))
        .hasMessageContaining("Unknown token for decoding: " + vocabSize);
    assertThatThrownBy(() -> tokenizer.decode(new int[] {vocabSize}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(vocabSize + " is not an id of " + which.encodingName());
  }

  @ParameterizedTest
  @EnumSource(TiktokenEncoding.class)
  void literalEndOfTextIsPlainText(TiktokenEncoding which) {
    Tokenizer tokenizer = load(which.encodingName());
    String text = "one document <|endoftext|> forged boundary";

    int[] ids = tokenizer.encode(text);

    assertThat(ids).doesNotContain(tokenizer.identity().eosId()).hasSizeGreaterThan(5);
    assertThat(tokenizer.decode(ids, ids.length)).isEqualTo(text);
  }

  @ParameterizedTest
  @EnumSource(TiktokenEncoding.class)
  void decodeOfEncodeIsTheText(TiktokenEncoding which) {
    Tokenizer tokenizer = load(which.encodingName());

    for (String text : MultilingualSample.TEXTS) {
      int[] ids = tokenizer.encode(text);
      assertThat(tokenizer.decode(ids, ids.length)).as(text).isEqualTo(text);
      assertThat(IntStream.of(ids).allMatch(id -> id >= 0 && id < tokenizer.vocabSize())).isTrue();
    }
  }

  @Test
  void decodeTakesAPrefixOfTheArray() {
    Tokenizer tokenizer = load("cl100k_base");
    int[] buffer = {15339, 1917, 0, 0};

    assertThat(tokenizer.decode(buffer, 2)).isEqualTo("hello world");
    assertThat(tokenizer.decode(buffer, 0)).isEmpty();
    assertThatThrownBy(() -> tokenizer.decode(buffer, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void emptyTextHasNoIds() {
    assertThat(load("o200k_base").encode("")).isEmpty();
  }

  @Test
  void vocabularyHashNamesTheRankFile() {
    String r50k = load("r50k_base").identity().vocabularySha256();

    assertThat(r50k).hasSize(64).isEqualTo(load("r50k_base").identity().vocabularySha256());
    assertThat(List.of(load("p50k_base"), load("cl100k_base"), load("o200k_base")))
        .extracting(t -> t.identity().vocabularySha256())
        .doesNotContain(r50k)
        .doesNotHaveDuplicates();
  }

  @Test
  void explicitSpecialIdsAreKept() {
    Tokenizer tokenizer = Tokenizers.load("cl100k_base", 100276, 100258);

    assertThat(tokenizer.identity().eosId()).isEqualTo(100276);
    assertThat(tokenizer.identity().bosId()).isEqualTo(100258);
  }

  @Test
  void oneInstanceServesManyThreads() {
    Tokenizer tokenizer = load("cl100k_base");
    ConcurrentHashMap<String, List<Integer>> seen = new ConcurrentHashMap<>();

    IntStream.range(0, 400).parallel().forEach(i -> {
      String text = MultilingualSample.TEXTS.get(i % MultilingualSample.TEXTS.size());
      List<Integer> ids = IntStream.of(tokenizer.encode(text)).boxed().toList();
      assertThat(seen.computeIfAbsent(text, t -> ids)).isEqualTo(ids);
    });
  }

  /**
   * The piece cache must not change a single id: every sample text and every bundled sample
   * page, encoded twice (the second time from the cache), and again through a cache of three
   * pieces that keeps emptying, gives exactly jtokkit's own encodeOrdinary ids.
   */
  @ParameterizedTest
  @EnumSource(TiktokenEncoding.class)
  void cachedPiecesGiveJtokkitsIds(TiktokenEncoding which) throws IOException {
    Encoding jtokkit = JTOKKIT.getEncoding(which.type());
    JtokkitTokenizer cached = JtokkitTokenizer.load(which, null, null);
    JtokkitTokenizer tiny = JtokkitTokenizer.load(which, null, null, 3);
    assertThat(cached.cachesPieces()).isTrue();
    List<String> texts = new ArrayList<>(MultilingualSample.TEXTS);
    texts.addAll(SamplePages.texts());
    texts.add("");
    texts.add("x".repeat(5000) + " " + "\n".repeat(700) + "12345678901234567890");

    for (int round = 0; round < 2; round++) {
      for (String text : texts) {
        int[] expected = jtokkit.encodeOrdinary(text).toArray();
        assertThat(cached.encode(text)).as(text).containsExactly(expected);
        assertThat(tiny.encode(text)).as(text).containsExactly(expected);
      }
    }
  }

  private static IntArrayList ids(int... ids) {
    IntArrayList list = new IntArrayList(ids.length);
    IntStream.of(ids).forEach(list::add);
    return list;
  }
}
