package dev.quarry.mixes.shards;

import dev.quarry.core.Hashing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Writes and reads shards in memory for the tests. */
final class Shards {
  private Shards() {}

  record MegatronFiles(byte[] bin, byte[] idx, MegatronShardWriter.Result result) {}

  record OlmoFiles(byte[] npy, byte[] csvGz, OlmoShardWriter.Result result) {}

  static MegatronFiles megatron(TokenDtype dtype, List<int[]> documents) throws IOException {
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    ByteArrayOutputStream idx = new ByteArrayOutputStream();
    MegatronShardWriter.Result result;
    try (MegatronShardWriter writer = new MegatronShardWriter(bin, idx, dtype)) {
      for (int[] document : documents) {
        writer.add(document, document.length);
      }
      result = writer.finish();
    }
    return new MegatronFiles(bin.toByteArray(), idx.toByteArray(), result);
  }

  /** Document i gets id "doc-i", src "src-(i % 3)" and loc "file.jsonl:i". */
  static OlmoFiles olmo(TokenDtype dtype, List<int[]> documents) throws IOException {
    ByteArrayOutputStream npy = new ByteArrayOutputStream();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    OlmoShardWriter.Result result;
    try (OlmoShardWriter writer = new OlmoShardWriter(npy, csv, dtype)) {
      for (int i = 0; i < documents.size(); i++) {
        int[] document = documents.get(i);
        writer.add(document, document.length, "doc-" + i, "src-" + i % 3, "file.jsonl:" + i);
      }
      result = writer.finish();
    }
    return new OlmoFiles(npy.toByteArray(), csv.toByteArray(), result);
  }

  static List<int[]> readMegatron(byte[] bin, byte[] idx) throws IOException {
    List<int[]> documents = new ArrayList<>();
    new MegatronShardReader(MegatronIndex.parse(idx), new ByteArrayInputStream(bin))
        .forEachDocument((i, tokens, length) -> documents.add(Arrays.copyOf(tokens, length)));
    return documents;
  }

  static List<int[]> readOlmo(byte[] npy, byte[] csvGz, TokenDtype dtype) throws IOException {
    List<OlmoRow> rows = OlmoCsv.read(new ByteArrayInputStream(csvGz));
    List<int[]> documents = new ArrayList<>();
    new OlmoShardReader(new ByteArrayInputStream(npy), dtype, rows)
        .forEachDocument((i, tokens, length) -> documents.add(Arrays.copyOf(tokens, length)));
    return documents;
  }

  /** Documents of 1 to {@code maxLength} tokens below {@code vocab}, each ending with eos. */
  static List<int[]> randomDocuments(long seed, int count, int vocab, int eos, int maxLength) {
    Random random = new Random(seed);
    List<int[]> documents = new ArrayList<>();
    for (int d = 0; d < count; d++) {
      int[] document = new int[1 + random.nextInt(maxLength)];
      for (int i = 0; i < document.length - 1; i++) {
        document[i] = random.nextInt(vocab);
      }
      document[document.length - 1] = eos;
      documents.add(document);
    }
    return documents;
  }

  /** A writer's sum of a file is its size and the SHA-256 of the bytes it holds. */
  static FileSum sumOf(byte[] file) {
    return new FileSum(file.length, Hashing.sha256Hex(file));
  }

  static String gunzip(byte[] gz) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static ByteArrayInputStream in(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
