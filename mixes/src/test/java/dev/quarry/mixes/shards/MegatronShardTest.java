package dev.quarry.mixes.shards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MegatronShardTest {
  private static final int EOS = 0;
  // Offsets into an .idx: magic 9 + version 8 + dtype 1 + sequence count 8 + document count 8.
  private static final int VERSION_AT = 9;
  private static final int DTYPE_AT = 17;
  private static final int DOCUMENT_COUNT_AT = 26;
  private static final int LENGTHS_AT = 34;

  @Test
  void goldenUint16() throws Exception {
    Shards.MegatronFiles files = Shards.megatron(TokenDtype.UINT16,
        List.of(new int[] {5, 2, 0}, new int[] {7, 0}));

    byte[] bin = {
        5, 0, 2, 0, 0, 0, // document 0: 5, 2, 0 as uint16 LE
        7, 0, 0, 0, // document 1: 7, 0
    };
    byte[] idx = {
        'M', 'M', 'I', 'D', 'I', 'D', 'X', 0, 0, // magic
        1, 0, 0, 0, 0, 0, 0, 0, // u64 version 1
        8, // u8 dtype code 8 = uint16
        2, 0, 0, 0, 0, 0, 0, 0, // u64 sequence count N = 2
        3, 0, 0, 0, 0, 0, 0, 0, // u64 document count D + 1 = 3
        3, 0, 0, 0, // int32 length of sequence 0: 3 tokens
        2, 0, 0, 0, // int32 length of sequence 1: 2 tokens
        0, 0, 0, 0, 0, 0, 0, 0, // int64 pointer of sequence 0: byte 0
        6, 0, 0, 0, 0, 0, 0, 0, // int64 pointer of sequence 1: byte 6 (3 tokens x 2 bytes)
        0, 0, 0, 0, 0, 0, 0, 0, // int64 document index 0
        1, 0, 0, 0, 0, 0, 0, 0, // int64 document index 1
        2, 0, 0, 0, 0, 0, 0, 0, // int64 document index 2 = N
    };
    assertThat(files.bin()).containsExactly(bin);
    assertThat(files.idx()).containsExactly(idx);
    assertThat(files.result()).isEqualTo(new MegatronShardWriter.Result(2, 5,
        new FileSum(10, Hashing.sha256Hex(bin)), new FileSum(82, Hashing.sha256Hex(idx))));
  }

  @Test
  void goldenInt32() throws Exception {
    TokenDtype dtype = TokenDtype.megatron(100_277);
    Shards.MegatronFiles files = Shards.megatron(dtype,
        List.of(new int[] {70_000, 1, 0}, new int[] {42, 0}));

    byte[] bin = new LittleEndianBytes()
        .u8(0x70, 0x11, 0x01, 0x00) // 70000 = 0x00011170
        .i32(1, 0) // rest of document 0
        .i32(42, 0) // document 1
        .bytes();
    byte[] idx = new LittleEndianBytes()
        .ascii("MMIDIDX").u8(0, 0) // magic
        .i64(1) // version
        .u8(4) // dtype code 4 = int32
        .i64(2) // sequence count N
        .i64(3) // document count D + 1
        .i32(3, 2) // sequence lengths in tokens
        .i64(0, 12) // sequence pointers: 3 tokens x 4 bytes before sequence 1
        .i64(0, 1, 2) // document indices 0..N
        .bytes();
    assertThat(files.bin()).containsExactly(bin);
    assertThat(files.idx()).containsExactly(idx);
    assertThat(files.result().bin()).isEqualTo(new FileSum(20, Hashing.sha256Hex(bin)));
    assertThat(files.result().idx()).isEqualTo(new FileSum(82, Hashing.sha256Hex(idx)));
  }

  @Test
  void emptyShardHasAnIndexWithOneDocumentIndex() throws Exception {
    Shards.MegatronFiles files = Shards.megatron(TokenDtype.UINT16, List.of());
    assertThat(files.bin()).isEmpty();
    assertThat(files.idx()).containsExactly(new LittleEndianBytes().ascii("MMIDIDX").u8(0, 0)
        .i64(1).u8(8).i64(0).i64(1).i64(0).bytes());
    assertThat(MegatronIndex.parse(files.idx()).problems(0)).isEmpty();
  }

  @Test
  void roundTripOfRandomDocuments() throws Exception {
    for (TokenDtype dtype : List.of(TokenDtype.UINT16, TokenDtype.INT32)) {
      int vocab = dtype == TokenDtype.UINT16 ? 50_257 : 200_000;
      // Some documents are longer than the writers' and readers' 64 KiB buffers.
      List<int[]> documents = Shards.randomDocuments(42, 300, vocab, EOS, 40_000);
      Shards.MegatronFiles files = Shards.megatron(dtype, documents);

      assertThat(Shards.readMegatron(files.bin(), files.idx()))
          .usingElementComparator(Arrays::compare).containsExactlyElementsOf(documents);
      MegatronIndex index = MegatronIndex.parse(Shards.in(files.idx()));
      assertThat(index.problems(files.bin().length)).isEmpty();
      assertThat(index.sequenceCount()).isEqualTo(300);
      assertThat(index.dtype()).isEqualTo(dtype);
      long tokens = documents.stream().mapToLong(d -> d.length).sum();
      assertThat(index.totalTokens()).isEqualTo(tokens);
      assertThat(files.bin()).hasSize((int) tokens * dtype.bytes());
      assertThat(files.result()).isEqualTo(new MegatronShardWriter.Result(300, tokens,
          Shards.sumOf(files.bin()), Shards.sumOf(files.idx())));
    }
  }

  @Test
  void sameDocumentsGiveTheSameBytes() throws Exception {
    List<int[]> documents = Shards.randomDocuments(7, 100, 50_000, EOS, 2_000);
    Shards.MegatronFiles first = Shards.megatron(TokenDtype.UINT16, documents);
    Shards.MegatronFiles second = Shards.megatron(TokenDtype.UINT16, documents);
    assertThat(second.bin()).isEqualTo(first.bin());
    assertThat(second.idx()).isEqualTo(first.idx());
    assertThat(second.result()).isEqualTo(first.result());
  }

  @Test
  void flippedMagicIsNamed() throws Exception {
    byte[] idx = golden().idx();
    idx[0] = 'X';
    assertThat(problems(idx, 10)).singleElement().asString()
        .startsWith("magic is 58 4d 49 44 49 44 58 00 00, expected 4d 4d 49 44 49 44 58 00 00");
  }

  @Test
  void truncatedBinIsNamed() throws Exception {
    assertThat(problems(golden().idx(), 8))
        .containsExactly("the .bin is 8 bytes, expected 10 (5 tokens of 2 bytes)");
  }

  @Test
  void wrongPointerIsNamed() throws Exception {
    byte[] idx = golden().idx();
    put64(idx, LENGTHS_AT + 2 * 4 + 8, 40); // pointer of sequence 1
    assertThat(problems(idx, 10)).containsExactly("document 1: sequence pointer 40, expected 6");
  }

  @Test
  void headerFieldsAreChecked() throws Exception {
    byte[] idx = golden().idx();
    idx[VERSION_AT] = 2;
    idx[DTYPE_AT] = 3;
    put64(idx, DOCUMENT_COUNT_AT, 2);
    // The file now ends one document index early: the last one reads as trailing bytes.
    assertThat(problems(idx, 10)).containsExactly(
        "version is 2, expected 1",
        "Megatron dtype code 3 is not a token type these shards use: expected 8 (uint16) or 4"
            + " (int32)",
        "document count is 2, expected 3 (the sequence count 2 + 1)",
        "the .idx has 8 bytes after the document indices, expected none");
  }

  @Test
  void wrongDocumentIndexAndEmptySequenceAreNamed() throws Exception {
    byte[] idx = golden().idx();
    put64(idx, LENGTHS_AT + 2 * 4 + 2 * 8 + 8, 5); // document index 1
    idx[LENGTHS_AT + 4] = 0; // length of sequence 1
    assertThat(problems(idx, 6)).containsExactly(
        "document index 1 is 5, expected 1",
        "document 1: sequence length 0, expected at least 1 token");
  }

  @Test
  void truncatedIndexIsOneProblem() throws Exception {
    byte[] idx = Arrays.copyOf(golden().idx(), 60);
    assertThat(MegatronIndex.check(Shards.in(idx), 10)).singleElement().asString()
        .startsWith("the .idx ends before byte").contains("truncated");
    assertThatThrownBy(() -> MegatronIndex.parse(idx))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".idx ends");
  }

  @Test
  void corruptCountIsOneProblem() throws Exception {
    byte[] idx = golden().idx();
    put64(idx, DOCUMENT_COUNT_AT, -1);
    assertThat(MegatronIndex.check(Shards.in(idx), 10)).singleElement().asString()
        .contains("declares 18446744073709551615 documents").contains("header is corrupt");
  }

  @Test
  void readerStopsAtATruncatedBin() throws Exception {
    Shards.MegatronFiles files = golden();
    byte[] bin = Arrays.copyOf(files.bin(), 7);
    assertThatThrownBy(() -> Shards.readMegatron(bin, files.idx()))
        .isInstanceOf(EOFException.class).hasMessageContaining("the .bin ends before byte 8");
  }

  @Test
  void refusesEmptyAndOverlongDocumentsAndUseAfterFinish() throws Exception {
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    MegatronShardWriter writer =
        new MegatronShardWriter(bin, new ByteArrayOutputStream(), TokenDtype.UINT16);
    assertThatThrownBy(() -> writer.add(new int[0], 0))
        .hasMessageContaining("document 0 has 0 tokens").hasMessageContaining("at least one");
    assertThatThrownBy(() -> writer.add(new int[] {1}, 2))
        .hasMessageContaining("length 2 but its array holds only 1");
    writer.add(new int[] {1, 0, 99}, 2);
    assertThat(writer.finish().tokens()).isEqualTo(2);
    assertThatThrownBy(() -> writer.add(new int[] {1}, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("start a new writer");
    writer.close();
    assertThat(bin.toByteArray()).containsExactly(1, 0, 0, 0);
  }

  private static Shards.MegatronFiles golden() throws Exception {
    return Shards.megatron(TokenDtype.UINT16, List.of(new int[] {5, 2, 0}, new int[] {7, 0}));
  }

  private static List<String> problems(byte[] idx, long binBytes) throws Exception {
    return MegatronIndex.check(Shards.in(idx), binBytes);
  }

  private static void put64(byte[] bytes, int at, long value) {
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
  }
}
