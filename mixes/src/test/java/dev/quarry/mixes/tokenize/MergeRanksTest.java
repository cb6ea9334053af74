package dev.quarry.mixes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.JtokkitPieces;
import com.knuddels.jtokkit.api.EncodingRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MergeRanksTest {
  private static final EncodingRegistry JTOKKIT = Encodings.newLazyEncodingRegistry();

  /** Code point ranges the random texts draw from: scripts, symbols and emoji. */
  private static final int[][] SCRIPTS = {
      {0x20, 0x7e}, {0x20, 0x7e}, {0xa0, 0x17f}, {0x370, 0x3ff}, {0x400, 0x4ff}, {0x600, 0x6ff},
      {0x900, 0x97f}, {0xe00, 0xe7f}, {0x3040, 0x30ff}, {0x4e00, 0x9fff}, {0xac00, 0xd7a3},
      {0x2000, 0x206f}, {0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff}};
  private static final int[][] CJK = {{0x4e00, 0x9fff}, {0x3040, 0x30ff}, {0x3000, 0x303f}};

  private static JtokkitPieces jtokkit(TiktokenEncoding which) {
    return JtokkitPieces.of(JTOKKIT.getEncoding(which.type()));
  }

  /**
   * Every distinct piece of every sample text and bundled sample page gets jtokkit's ids; both
   * merge strategies agree on every piece, whichever one its length would pick.
   */
  @ParameterizedTest
  @EnumSource(TiktokenEncoding.class)
  void samplePiecesGiveJtokkitsIds(TiktokenEncoding which) {
    JtokkitPieces jtokkit = jtokkit(which);
    MergeRanks ranks = JtokkitTokenizer.mergeRanks(which);
    List<String> texts = new ArrayList<>(MultilingualSample.TEXTS);
    texts.addAll(SamplePages.texts());
    Set<ByteBuffer> seen = new HashSet<>();
    List<byte[]> pieces = new ArrayList<>();
    for (String text : texts) {
      jtokkit.split(text, (utf8, length) -> {
        byte[] piece = Arrays.copyOf(utf8, length);
        if (seen.add(ByteBuffer.wrap(piece))) {
          pieces.add(piece);
        }
      });
    }

    assertThat(pieces).hasSizeGreaterThan(10_000);
    for (byte[] piece : pieces) {
      assertSameIds(jtokkit, ranks, piece);
    }
  }

  /**
   * Seeded random byte strings up to about 2000 bytes: arbitrary bytes (invalid UTF-8 too),
   * text of mixed scripts, long runs of one character and long CJK runs — the pieces on which
   * the order of merges matters most, and on which the long-piece strategy runs.
   */
  @ParameterizedTest
  @EnumSource(TiktokenEncoding.class)
  void randomBytesGiveJtokkitsIds(TiktokenEncoding which) {
    JtokkitPieces jtokkit = jtokkit(which);
    MergeRanks ranks = JtokkitTokenizer.mergeRanks(which);
    Random random = new Random(20_240_719L + which.ordinal());

    int longerThanScanLimit = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] piece = randomPiece(random, i % 5);
      longerThanScanLimit += piece.length > MergeRanks.SCAN_LIMIT ? 1 : 0;
      assertSameIds(jtokkit, ranks, piece);
    }
    assertThat(longerThanScanLimit).isGreaterThan(1000);
  }

  @Test
  void aPieceThatIsATokenIsThatToken() {
    MergeRanks ranks = JtokkitTokenizer.mergeRanks(TiktokenEncoding.CL100K_BASE);

    // "hello world" is 15339 1917 in cl100k_base (OpenAI's tiktoken README).
    assertThat(ranks.encode(utf8("hello"))).containsExactly(15339);
    assertThat(ranks.encode(utf8(" world"))).containsExactly(1917);
    assertThat(ranks.encode(utf8("hello world"))).containsExactly(15339, 1917);
    assertThat(ranks.encode(new byte[0])).isEmpty();
    assertThat(ranks.mergeByScan(new byte[0])).isEmpty();
    assertThat(ranks.mergeByHeap(new byte[0])).isEmpty();
  }

  /**
   * Each token's own bytes are that one token. In these four vocabularies merging a token's
   * bytes reaches the token itself too, so there the whole-piece check is only a shortcut (the
   * hand-made vocabulary below has a token that merging does not reach).
   */
  @ParameterizedTest
  @EnumSource(TiktokenEncoding.class)
  void everyTokenIsItsOwnEncoding(TiktokenEncoding which) {
    MergeRanks ranks = JtokkitTokenizer.mergeRanks(which);
    Base64.Decoder base64 = Base64.getDecoder();
    int[] tokens = {0};
    RankFile.forEach(RankFile.bytes(which.rankResource()), (token, rank) -> {
      byte[] bytes = base64.decode(token);
      assertThat(ranks.encode(bytes)).containsExactly(rank);
      assertThat(ranks.mergeByScan(bytes)).containsExactly(rank);
      assertThat(ranks.mergeByHeap(bytes)).containsExactly(rank);
      tokens[0]++;
    });

    assertThat(ranks.tokens()).isEqualTo(tokens[0]);
  }

  /** A vocabulary small enough to merge by hand. */
  @Test
  void mergesLowestRankFirstLeftmostOnTies() {
    // The 256 bytes have ranks 0-255 (their values), then:
    MergeRanks ranks = MergeRanks.of(rankFile(Map.of(
        "bc", 256, "ab", 257, "abc", 258, "aa", 259, "xyz", 260)));

    // ab (257) and bc (256) compete: bc first, then a+bc is abc.
    assertThat(merges(ranks, "abcd")).containsExactly(258, 'd');
    // Two equal pairs: the left one merges.
    assertThat(merges(ranks, "aaa")).containsExactly(259, 'a');
    assertThat(merges(ranks, "aaaaa")).containsExactly(259, 259, 'a');
    // xyz is a token although no pair of its bytes merges: whole, it is one token; inside a
    // longer piece it stays bytes.
    assertThat(ranks.encode(utf8("xyz"))).containsExactly(260);
    assertThat(merges(ranks, "xyzw")).containsExactly('x', 'y', 'z', 'w');
    assertThat(ranks.tokens()).isEqualTo(261);
    assertThat(ranks.pairs()).isEqualTo(5); // b+c, a+b, a+bc, ab+c, a+a
  }

  @Test
  void rejectsVocabulariesItCannotMergeWith() {
    assertThatThrownBy(() -> MergeRanks.of(rankFile(Map.of("a", 300))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank");
    assertThatThrownBy(() -> MergeRanks.of(rankFile(Map.of("ab", 7))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
    assertThatThrownBy(() -> MergeRanks.of(rankFile(Map.of("ab", 1 << 21))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    byte[] noByteA = new String(rankFile(Map.of()), StandardCharsets.US_ASCII)
        .replace(Base64.getEncoder().encodeToString(new byte[] {'a'}) + " 97\n", "")
        .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> MergeRanks.of(noByteA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte 97");
  }

  private static void assertSameIds(JtokkitPieces jtokkit, MergeRanks ranks, byte[] piece) {
    String shown = new String(piece, StandardCharsets.UTF_8);
    byte[] copy = piece.clone();
    int[] expected = jtokkit.encodePiece(copy);
    assertThat(ranks.encode(piece)).as(shown).containsExactly(expected);
    if (piece.length > 0) {
      assertThat(ranks.mergeByHeap(piece)).as(shown).containsExactly(ranks.mergeByScan(piece));
    }
    assertThat(piece).isEqualTo(copy);
  }

  /** Both strategies' merges of {@code text}, checked to agree. */
  private static int[] merges(MergeRanks ranks, String text) {
    byte[] piece = utf8(text);
    int[] scanned = ranks.mergeByScan(piece);
    assertThat(ranks.mergeByHeap(piece)).isEqualTo(scanned);
    assertThat(ranks.encode(piece)).isEqualTo(scanned);
    return scanned;
  }

  /** A rank file of the 256 single bytes (rank = value) and {@code more} tokens. */
  private static byte[] rankFile(Map<String, Integer> more) {
    StringBuilder file = new StringBuilder();
    Base64.Encoder base64 = Base64.getEncoder();
    for (int b = 0; b < 256; b++) {
      file.append(base64.encodeToString(new byte[] {(byte) b})).append(' ').append(b).append('\n');
    }
    more.forEach((token, rank) ->
        file.append(base64.encodeToString(utf8(token))).append(' ').append(rank).append('\n'));
    return file.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] randomPiece(Random random, int kind) {
    // Mostly short, some past the scan limit, a few near 2000 bytes.
    int length = switch (random.nextInt(4)) {
      case 0 -> 1 + random.nextInt(16);
      case 1 -> 1 + random.nextInt(128);
      case 2 -> 1 + random.nextInt(600);
      default -> 1 + random.nextInt(2000);
    };
    switch (kind) {
      case 0: {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
      }
      case 1:
        return utf8(randomText(random, SCRIPTS, length / 3 + 1));
      case 2: {
        String unit = List.of("a", " ", "\n", "x", "0", "=", "ab", "é", "\t ", "ー")
            .get(random.nextInt(10));
        return utf8(unit.repeat(length / unit.length() + 1));
      }
      case 3:
        return utf8(randomText(random, CJK, length / 3 + 1));
      default: {
        // A run of one character with a few others mixed in.
        StringBuilder text = new StringBuilder();
        String run = randomText(random, SCRIPTS, 1);
        for (int i = 0; i < Math.max(1, length / run.length()); i++) {
          text.append(random.nextInt(20) == 0 ? randomText(random, SCRIPTS, 1) : run);
        }
        return utf8(text.toString());
      }
    }
  }

  private static String randomText(Random random, int[][] ranges, int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int[] range = ranges[random.nextInt(ranges.length)];
      text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return text.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
