package dev.quarry.mixes.shards;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Streams the documents of an OLMo {@code .npy} where its CSV rows say they are, and checks an
 * OLMo shard: the {@code .npy} has no header, so its dtype comes from the caller (the mix
 * manifest records it).
 */
public final class OlmoShardReader {
  private final DocumentStream npy;
  private final TokenDtype dtype;
  private final List<OlmoRow> rows;

  /** A reader of {@code npy}, which it does not close, laid out by {@code rows}. */
  public OlmoShardReader(InputStream npy, TokenDtype dtype, List<OlmoRow> rows) {
    this.npy = new DocumentStream(npy, dtype, ".npy");
    this.dtype = dtype;
    this.rows = List.copyOf(rows);
  }

  /** Passes every document to {@code consumer}, in row order; call once. */
  public void forEachDocument(DocumentConsumer consumer) throws IOException {
    for (int i = 0; i < rows.size(); i++) {
      OlmoRow row = rows.get(i);
      npy.read(i, row.start() * dtype.bytes(), row.length(), consumer);
    }
  }

  /**
   * Every way a shard breaks the format, as {@link #problems(List, InputStream, TokenDtype,
   * int)} finds them; a {@code .csv.gz} that cannot be read is one problem.
   */
  public static List<String> check(InputStream npy, InputStream csvGz, TokenDtype dtype,
      int eos) throws IOException {
    List<OlmoRow> rows;
    try {
      rows = OlmoCsv.read(csvGz);
    } catch (ShardFormatException e) {
      return List.of(e.getMessage());
    } catch (EOFException | ZipException e) {
      return List.of("the .csv.gz cannot be decompressed (" + e.getMessage() + "): it is"
          + " truncated or not gzip");
    }
    return problems(rows, npy, dtype, eos);
  }

  /**
   * Every way {@code rows} and the {@code .npy} break the format: rows contiguous from 0, each
   * ending after it starts and with the end-of-document token {@code eos}, the last ending at
   * the end of the {@code .npy}. Empty for a good shard. Only each document's last token is
   * read; the rest is skipped.
   */
  public static List<String> problems(List<OlmoRow> rows, InputStream npy, TokenDtype dtype,
      int eos) throws IOException {
    Problems problems = new Problems();
    LittleEndianInput in = new LittleEndianInput(npy, ".npy");
    int[] last = new int[1];
    long expectedStart = 0;
    for (int i = 0; i < rows.size(); i++) {
      OlmoRow row = rows.get(i);
      if (row.start() != expectedStart) {
        problems.add("document " + i + ": starts at token " + row.start() + ", expected "
            + expectedStart + (i == 0 ? " (the start of the .npy)"
                : " (where document " + (i - 1) + " ends)"));
      }
      expectedStart = row.end();
      if (row.end() <= row.start()) {
        problems.add("document " + i + ": ends at token " + row.end() + ", expected after its"
            + " start " + row.start());
        continue;
      }
      long lastByte = (row.end() - 1) * dtype.bytes();
      if (lastByte < in.position()) {
        continue; // overlaps a document already read, reported above as not contiguous
      }
      try {
        in.skip(lastByte - in.position());
        in.tokens(last, 1, dtype);
      } catch (EOFException e) {
        problems.add("document " + i + ": ends at token " + row.end() + ", past the end of the"
            + " .npy");
        return problems.list();
      } catch (ShardFormatException e) {
        problems.add("document " + i + ": " + e.getMessage());
        continue;
      }
      if (last[0] != eos) {
        problems.add("document " + i + ": last token " + last[0] + ", expected the"
            + " end-of-document token " + eos);
      }
    }
    in.rest();
    long npyBytes = in.position();
    if (npyBytes % dtype.bytes() != 0) {
      problems.add("the .npy is " + npyBytes + " bytes, not a whole number of "
          + dtype.bytes() + "-byte tokens");
    }
    long npyTokens = npyBytes / dtype.bytes();
    if (expectedStart != npyTokens) {
      problems.add((rows.isEmpty() ? "there are no rows" : "the last document ends at token "
          + expectedStart) + ", but the .npy holds " + npyTokens + " tokens");
    }
    return problems.list();
  }
}
