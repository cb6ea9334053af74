package dev.quarry.mixes.shards;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes one Megatron indexed dataset shard (the {@code .bin}/{@code .idx} pair read by
 * Megatron-LM, NeMo and GPT-NeoX), one document per sequence.
 *
 * <p>The {@code .bin} is the documents' tokens concatenated, little-endian, with no header. The
 * {@code .idx}, written by {@link #finish()}, is little-endian with no padding: the 9-byte magic
 * {@code MMIDIDX\0\0}, u64 version 1, u8 dtype code, u64 sequence count N, u64 document count
 * N + 1, int32[N] sequence lengths, int64[N] byte offsets of the sequences in the {@code .bin}
 * and int64[N + 1] document indices {@code 0..N}. Only the lengths are kept in memory (4 bytes a
 * document); the offsets follow from them.
 *
 * <p>Closing without {@link #finish()} abandons the shard: both streams are closed and the
 * {@code .idx} is left empty.
 */
public final class MegatronShardWriter implements Closeable {
  private final ShardFiles files;
  private final ChecksumOutputStream idx;
  private final TokenDtype dtype;
  private int[] lengths = new int[1024];
  private int count;

  /**
   * The files' sizes and hashes, and what they hold.
   *
   * @param documents the documents (= sequences) in the shard
   * @param tokens their tokens, end-of-document tokens included
   */
  public record Result(long documents, long tokens, FileSum bin, FileSum idx) {}

  /**
   * A writer of {@code bin} and {@code idx}, which it closes; {@code dtype} is UINT16 or INT32,
   * as {@link TokenDtype#megatron(int)} chooses it.
   */
  public MegatronShardWriter(OutputStream bin, OutputStream idx, TokenDtype dtype) {
    dtype.megatronCode(); // refuses UINT32 before any file is written
    this.idx = new ChecksumOutputStream(idx);
    this.files = new ShardFiles(new TokenSink(bin, dtype), this.idx);
    this.dtype = dtype;
  }

  /**
   * Appends one document, {@code tokens[0..length)}, as one sequence. Its last token should be
   * the end-of-document token; the caller appends it, this writer writes what it gets.
   */
  public void add(int[] tokens, int length) throws IOException {
    TokenSink bin = files.tokens();
    if (count == lengths.length) {
      if (count == Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("the shard already holds " + count + " documents, the"
            + " most one index can: write fewer documents per shard");
      }
      lengths = Arrays.copyOf(lengths, (int) Math.min(Integer.MAX_VALUE - 8, 2L * count));
    }
    bin.add(tokens, length);
    lengths[count++] = length;
  }

  /** Writes the {@code .idx}, closes both files and returns their sums. */
  public Result finish() throws IOException {
    return files.finish((documents, tokens, bin) -> {
      writeIndex();
      idx.close();
      return new Result(documents, tokens, bin, idx.sum());
    });
  }

  /** Closes both files; without {@link #finish()} first, the shard is incomplete. */
  @Override
  public void close() throws IOException {
    files.close();
  }

  private void writeIndex() throws IOException {
    LittleEndianOutput out = new LittleEndianOutput(idx);
    out.bytes(MegatronIndex.magic());
    out.i64(MegatronIndex.VERSION);
    out.u8(dtype.megatronCode());
    out.i64(count);
    out.i64(count + 1L);
    for (int i = 0; i < count; i++) {
      out.i32(lengths[i]);
    }
    long pointer = 0;
    for (int i = 0; i < count; i++) {
      out.i64(pointer);
      pointer += (long) lengths[i] * dtype.bytes();
    }
    // One sequence a document: document i starts at sequence i, and the last entry closes it.
    for (long i = 0; i <= count; i++) {
      out.i64(i);
    }
    out.drain();
  }
}
