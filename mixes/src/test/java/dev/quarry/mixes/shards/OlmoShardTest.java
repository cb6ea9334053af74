package dev.quarry.mixes.shards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.Hashing;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OlmoShardTest {
  private static final int EOS = 50_279;

  @Test
  void goldenUint16WithAQuotedField() throws Exception {
    ByteArrayOutputStream npy = new ByteArrayOutputStream();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    OlmoShardWriter.Result result;
    try (OlmoShardWriter writer = new OlmoShardWriter(npy, csv, TokenDtype.olmo(50_280))) {
      writer.add(new int[] {10, 300, EOS}, 3, "doc-1", "web", "s3://b/p.jsonl.gz:0");
      writer.add(new int[] {65_535, EOS, 77}, 2, "say \"hi\", twice", "books", "line\nbreak");
      result = writer.finish();
    }

    byte[] expectedNpy = {
        0x0a, 0x00, // 10 as uint16 LE, no header before it
        0x2c, 0x01, // 300
        0x67, (byte) 0xc4, // 50279 = 0xc467, the end-of-document token
        (byte) 0xff, (byte) 0xff, // 65535
        0x67, (byte) 0xc4, // end-of-document token
    };
    String expectedCsv = "0,3,doc-1,web,s3://b/p.jsonl.gz:0\n"
        + "3,5,\"say \"\"hi\"\", twice\",books,\"line\nbreak\"\n";
    assertThat(npy.toByteArray()).containsExactly(expectedNpy);
    assertThat(Shards.gunzip(csv.toByteArray())).isEqualTo(expectedCsv);
    assertThat(result).isEqualTo(new OlmoShardWriter.Result(2, 5,
        new FileSum(10, Hashing.sha256Hex(expectedNpy)),
        Shards.sumOf(csv.toByteArray())));
    assertThat(OlmoShardReader.check(Shards.in(npy.toByteArray()), Shards.in(csv.toByteArray()),
        TokenDtype.UINT16, EOS)).isEmpty();
  }

  @Test
  void goldenUint32() throws Exception {
    int eos = 100_277;
    Shards.OlmoFiles files = Shards.olmo(TokenDtype.olmo(eos + 1),
        List.of(new int[] {70_000, eos}));
    assertThat(files.npy()).containsExactly(new LittleEndianBytes()
        .u8(0x70, 0x11, 0x01, 0x00) // 70000 = 0x00011170
        .u8(0xb5, 0x87, 0x01, 0x00) // 100277 = 0x000187b5
        .bytes());
    assertThat(Shards.gunzip(files.csvGz())).isEqualTo("0,2,doc-0,src-0,file.jsonl:0\n");
  }

  @Test
  void gzipIsDeterministicWithAFixedHeader() throws Exception {
    List<int[]> documents = Shards.randomDocuments(3, 200, 50_000, EOS, 500);
    Shards.OlmoFiles first = Shards.olmo(TokenDtype.UINT16, documents);
    Shards.OlmoFiles second = Shards.olmo(TokenDtype.UINT16, documents);
    assertThat(second.csvGz()).isEqualTo(first.csvGz());
    assertThat(second.npy()).isEqualTo(first.npy());
    assertThat(second.result()).isEqualTo(first.result());
    // gzip magic, deflate, no flags (so no file name), modification time 0, no extra flags
    assertThat(Arrays.copyOf(first.csvGz(), 9))
        .containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void roundTripOfRandomDocuments() throws Exception {
    for (TokenDtype dtype : List.of(TokenDtype.UINT16, TokenDtype.UINT32)) {
      int vocab = dtype == TokenDtype.UINT16 ? 65_536 : 200_000;
      int eos = vocab - 1;
      List<int[]> documents = Shards.randomDocuments(11, 300, vocab, eos, 40_000);
      Shards.OlmoFiles files = Shards.olmo(dtype, documents);

      assertThat(Shards.readOlmo(files.npy(), files.csvGz(), dtype))
          .usingElementComparator(Arrays::compare).containsExactlyElementsOf(documents);
      assertThat(OlmoShardReader.check(Shards.in(files.npy()), Shards.in(files.csvGz()), dtype,
          eos)).isEmpty();
      List<OlmoRow> rows = OlmoCsv.read(Shards.in(files.csvGz()));
      assertThat(rows.get(5).id()).isEqualTo("doc-5");
      assertThat(rows.get(5).src()).isEqualTo("src-2");
      assertThat(rows.get(5).loc()).isEqualTo("file.jsonl:5");
      long tokens = documents.stream().mapToLong(d -> d.length).sum();
      assertThat(rows.get(299).end()).isEqualTo(tokens);
      assertThat(files.npy()).hasSize((int) tokens * dtype.bytes());
      assertThat(files.result()).isEqualTo(new OlmoShardWriter.Result(300, tokens,
          Shards.sumOf(files.npy()), Shards.sumOf(files.csvGz())));
    }
  }

  @Test
  void missingEndOfDocumentTokenIsNamed() throws Exception {
    Shards.OlmoFiles files = Shards.olmo(TokenDtype.UINT16,
        List.of(new int[] {1, 2, EOS}, new int[] {3, 7}, new int[] {EOS}));
    assertThat(check(files.npy(), files.csvGz())).containsExactly(
        "document 1: last token 7, expected the end-of-document token " + EOS);
  }

  @Test
  void nonContiguousRowsAreNamed() throws Exception {
    byte[] npy = new LittleEndianBytes().u16(1, EOS, 9, 2, EOS).bytes();
    String csv = "0,2,a,s,l\n3,5,b,s,l\n";
    assertThat(check(npy, Shards.gzip(csv)))
        .containsExactly("document 1: starts at token 3, expected 2 (where document 0 ends)");
    assertThat(check(npy, Shards.gzip("1,2,a,s,l\n2,5,b,s,l\n")))
        .containsExactly("document 0: starts at token 1, expected 0 (the start of the .npy)");
  }

  @Test
  void emptyRowAndWrongTotalsAreNamed() throws Exception {
    byte[] npy = new LittleEndianBytes().u16(1, EOS, 2, EOS, 4).bytes();
    assertThat(check(npy, Shards.gzip("0,2,a,s,l\n2,2,b,s,l\n2,4,c,s,l\n"))).containsExactly(
        "document 1: ends at token 2, expected after its start 2",
        "the last document ends at token 4, but the .npy holds 5 tokens");
    assertThat(check(Arrays.copyOf(npy, 9), Shards.gzip("0,2,a,s,l\n2,4,c,s,l\n")))
        .containsExactly("the .npy is 9 bytes, not a whole number of 2-byte tokens");
    assertThat(check(Arrays.copyOf(npy, 6), Shards.gzip("0,2,a,s,l\n2,4,c,s,l\n")))
        .containsExactly("document 1: ends at token 4, past the end of the .npy");
    assertThat(check(npy, Shards.gzip(""))).containsExactly(
        "there are no rows, but the .npy holds 5 tokens");
  }

  @Test
  void unreadableCsvIsOneProblem() throws Exception {
    byte[] npy = new LittleEndianBytes().u16(1, EOS).bytes();
    assertThat(check(npy, Shards.gzip("0,2,\"a,s,l\n")))
        .containsExactly("the .csv.gz row of document 0 has a quoted field that is never closed");
    byte[] gz = Shards.gzip("0,2,a,s,l\n");
    assertThat(check(npy, Arrays.copyOf(gz, gz.length - 4))).singleElement().asString()
        .startsWith("the .csv.gz cannot be decompressed");
    assertThat(check(npy, "not gzip".getBytes())).singleElement().asString()
        .startsWith("the .csv.gz cannot be decompressed");
  }

  @Test
  void refusesNullIdsAndEmptyDocuments() throws Exception {
    ByteArrayOutputStream npy = new ByteArrayOutputStream();
    try (OlmoShardWriter writer =
        new OlmoShardWriter(npy, new ByteArrayOutputStream(), TokenDtype.UINT16)) {
      assertThatThrownBy(() -> writer.add(new int[] {1, EOS}, 2, null, "s", "l"))
          .hasMessageContaining("id is null");
      assertThatThrownBy(() -> writer.add(new int[0], 0, "a", "s", "l"))
          .hasMessageContaining("document 0 has 0 tokens");
      assertThat(writer.finish().documents()).isZero();
    }
    assertThat(npy.size()).isZero();
  }

  private static List<String> check(byte[] npy, byte[] csvGz) throws Exception {
    return OlmoShardReader.check(Shards.in(npy), Shards.in(csvGz), TokenDtype.UINT16, EOS);
  }
}
