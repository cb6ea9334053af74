package dev.quarry.mixes.shards;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A Megatron {@code .idx} as read, for verification and for reading the {@code .bin}. Parsing
 * accepts any header values, so that {@link #problems(long)} can name every wrong one; only an
 * index too short for the counts its header declares cannot be parsed.
 */
public final class MegatronIndex {
  static final long VERSION = 1;
  private static final byte[] MAGIC = {'M', 'M', 'I', 'D', 'I', 'D', 'X', 0, 0};
  // An array can hold a little fewer than Integer.MAX_VALUE entries on common JVMs.
  private static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;
  private static final int FIRST_ARRAY_ENTRIES = 1 << 16;

  private final byte[] magic;
  private final long version;
  private final int dtypeCode;
  private final int[] lengths;
  private final long[] pointers;
  private final long[] documentIndices;
  private final long trailingBytes;

  private MegatronIndex(byte[] magic, long version, int dtypeCode, int[] lengths,
      long[] pointers, long[] documentIndices, long trailingBytes) {
    this.magic = magic;
    this.version = version;
    this.dtypeCode = dtypeCode;
    this.lengths = lengths;
    this.pointers = pointers;
    this.documentIndices = documentIndices;
    this.trailingBytes = trailingBytes;
  }

  /** The 9 bytes every {@code .idx} starts with. */
  static byte[] magic() {
    return MAGIC.clone();
  }

  /** Parses a whole {@code .idx}. */
  public static MegatronIndex parse(byte[] idx) {
    try {
      return parse(new ByteArrayInputStream(idx));
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Parses a whole {@code .idx} from {@code idx}, reading it to its end. */
  public static MegatronIndex parse(InputStream idx) throws IOException {
    LittleEndianInput in = new LittleEndianInput(idx, ".idx");
    byte[] magic = in.bytes(MAGIC.length);
    long version = in.i64();
    int dtypeCode = in.u8();
    long sequences = count(in.i64(), "sequence");
    long documents = count(in.i64(), "document");
    int[] lengths = new int[(int) Math.min(sequences, FIRST_ARRAY_ENTRIES)];
    for (int i = 0; i < sequences; i++) {
      if (i == lengths.length) {
        lengths = Arrays.copyOf(lengths, (int) Math.min(sequences, 2L * i));
      }
      lengths[i] = in.i32();
    }
    long[] pointers = longs(in, sequences);
    long[] documentIndices = longs(in, documents);
    return new MegatronIndex(magic, version, dtypeCode, lengths, pointers, documentIndices,
        in.rest());
  }

  /**
   * Every problem of a {@code .idx} and the size of its {@code .bin}, as {@link
   * #problems(long)} finds them; an index that cannot be parsed is one problem.
   */
  public static List<String> check(InputStream idx, long binBytes) throws IOException {
    MegatronIndex index;
    try {
      index = parse(idx);
    } catch (EOFException | ShardFormatException e) {
      return List.of(e.getMessage());
    }
    return index.problems(binBytes);
  }

  /** N, the number of sequences (= documents). */
  public int sequenceCount() {
    return lengths.length;
  }

  /** The dtype code the header stores; {@link #dtype()} fails for an unknown one. */
  public int dtypeCode() {
    return dtypeCode;
  }

  /** The tokens' type. */
  public TokenDtype dtype() {
    return TokenDtype.ofMegatronCode(dtypeCode);
  }

  /** The tokens of sequence {@code i}. */
  public int length(int i) {
    return lengths[i];
  }

  /** Where sequence {@code i} starts in the {@code .bin}, in bytes. */
  public long pointer(int i) {
    return pointers[i];
  }

  /** A copy of the sequence lengths. */
  public int[] lengths() {
    return lengths.clone();
  }

  /** A copy of the sequence pointers. */
  public long[] pointers() {
    return pointers.clone();
  }

  /** A copy of the document indices, {@code 0..N} in a good index. */
  public long[] documentIndices() {
    return documentIndices.clone();
  }

  /** The sum of the sequence lengths. */
  public long totalTokens() {
    long total = 0;
    for (int length : lengths) {
      total += length;
    }
    return total;
  }

  /**
   * Every way this index, and a {@code .bin} of {@code binBytes}, break the format; empty for a
   * good shard.
   */
  public List<String> problems(long binBytes) {
    Problems problems = new Problems();
    if (!Arrays.equals(magic, MAGIC)) {
      problems.add("magic is " + hex(magic) + ", expected " + hex(MAGIC)
          + " (MMIDIDX\\0\\0): this is not a Megatron indexed dataset index");
    }
    if (version != VERSION) {
      problems.add("version is " + version + ", expected " + VERSION);
    }
    TokenDtype dtype = null;
    try {
      dtype = dtype();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (documentIndices.length != lengths.length + 1L) {
      problems.add("document count is " + documentIndices.length + ", expected "
          + (lengths.length + 1L) + " (the sequence count " + lengths.length + " + 1)");
    }
    for (int i = 0; i < documentIndices.length; i++) {
      if (documentIndices[i] != i) {
        problems.add("document index " + i + " is " + documentIndices[i] + ", expected " + i);
      }
    }
    for (int i = 0; i < lengths.length; i++) {
      if (lengths[i] <= 0) {
        problems.add("document " + i + ": sequence length " + lengths[i]
            + ", expected at least 1 token");
      }
    }
    if (dtype != null) {
      checkPointers(dtype, binBytes, problems);
    }
    if (trailingBytes > 0) {
      problems.add("the .idx has " + trailingBytes + " bytes after the document indices,"
          + " expected none");
    }
    return problems.list();
  }

  private void checkPointers(TokenDtype dtype, long binBytes, Problems problems) {
    // Each pointer is checked against the sum of the lengths before it, not against the
    // previous pointer, so that one wrong pointer is one problem.
    long expected = 0;
    for (int i = 0; i < lengths.length; i++) {
      if (pointers[i] != expected) {
        problems.add("document " + i + ": sequence pointer " + pointers[i] + ", expected "
            + expected);
      }
      expected += (long) lengths[i] * dtype.bytes();
    }
    if (binBytes != expected) {
      problems.add("the .bin is " + binBytes + " bytes, expected " + expected + " ("
          + totalTokens() + " tokens of " + dtype.bytes() + " bytes)");
    }
  }

  private static long count(long value, String what) throws ShardFormatException {
    if (value < 0 || value > MAX_ENTRIES) {
      throw new ShardFormatException("the .idx declares " + Long.toUnsignedString(value)
          + " " + what + "s, more than an index can hold (at most " + MAX_ENTRIES
          + "): its header is corrupt");
    }
    return value;
  }

  // Arrays grow as entries arrive, so that a corrupt count meets the end of the file before
  // it can claim gigabytes of memory.
  private static long[] longs(LittleEndianInput in, long count) throws IOException {
    long[] values = new long[(int) Math.min(count, FIRST_ARRAY_ENTRIES)];
    for (int i = 0; i < count; i++) {
      if (i == values.length) {
        values = Arrays.copyOf(values, (int) Math.min(count, 2L * i));
      }
      values[i] = in.i64();
    }
    return values;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
