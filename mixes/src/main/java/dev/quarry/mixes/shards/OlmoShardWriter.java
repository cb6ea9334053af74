package dev.quarry.mixes.shards;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one OLMo (Dolma) token file and the metadata beside it.
 *
 * <p>The {@code .npy} is raw little-endian tokens with no NPY header, the documents
 * concatenated, each ending with its end-of-document token; a document is never split across
 * files. The {@code .csv.gz} has one row a document, {@code start,end,id,src,loc} as {@link
 * OlmoCsv} writes it, with token offsets into this {@code .npy} (end exclusive, the
 * end-of-document token included). GZIPOutputStream writes a fixed header (no name, time 0), so
 * the same documents give the same bytes.
 *
 * <p>Closing without {@link #finish()} abandons the shard: both streams are closed, the files
 * incomplete.
 */
public final class OlmoShardWriter implements Closeable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final ShardFiles files;
  private final ChecksumOutputStream csvFile;
  private final Writer csv;

  /**
   * The files' sizes and hashes, and what they hold.
   *
   * @param documents the documents (= CSV rows) in the shard
   * @param tokens their tokens, end-of-document tokens included
   * @param csv the {@code .csv.gz} as written, compressed
   */
  public record Result(long documents, long tokens, FileSum npy, FileSum csv) {}

  /**
   * A writer of {@code npy} and {@code csvGz}, which it closes; {@code dtype} is UINT16 or
   * UINT32, as {@link TokenDtype#olmo(int)} chooses it.
   */
  public OlmoShardWriter(OutputStream npy, OutputStream csvGz, TokenDtype dtype)
      throws IOException {
    if (dtype == TokenDtype.INT32) {
      throw new IllegalArgumentException("OLMo token files are uint16 or uint32, not INT32:"
          + " choose the dtype with TokenDtype.olmo(vocabSize)");
    }
    TokenSink tokens = new TokenSink(npy, dtype);
    this.csvFile = new ChecksumOutputStream(csvGz);
    this.csv = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(csvFile, BUFFER_BYTES), StandardCharsets.UTF_8), BUFFER_BYTES);
    this.files = new ShardFiles(tokens, csv);
  }

  /**
   * Appends one document, {@code tokens[0..length)}, and its row. Its last token should be the
   * end-of-document token; the caller appends it, this writer writes what it gets.
   */
  public void add(int[] tokens, int length, String id, String src, String loc)
      throws IOException {
    TokenSink npy = files.tokens();
    long start = npy.tokens();
    // The row is made first so that a missing id refuses the document before its tokens go.
    String row = OlmoCsv.row(new OlmoRow(start, start + length, id, src, loc));
    npy.add(tokens, length);
    csv.write(row);
  }

  /** Closes both files and returns their sums. */
  public Result finish() throws IOException {
    return files.finish((documents, tokens, npy) -> {
      csv.close(); // ends the gzip stream, then closes and sums the file
      return new Result(documents, tokens, npy, csvFile.sum());
    });
  }

  /** Closes both files; without {@link #finish()} first, the shard is incomplete. */
  @Override
  public void close() throws IOException {
    files.close();
  }
}
