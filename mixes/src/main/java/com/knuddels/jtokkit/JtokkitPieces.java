package com.knuddels.jtokkit;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jtokkit's own two steps of encoding, opened up so that Quarry can cache the second: how an
 * encoding splits text into pieces, and the byte-pair encoding of one piece. jtokkit keeps both
 * package-private, which is why this class sits in jtokkit's package (Quarry's shaded jar
 * relocates both to one package, so they share a class loader even where Spark's classpath has
 * another jtokkit). Using jtokkit's splitting — its hand-written parser for
 * cl100k_base, its compiled pattern for the others — rather than a re-typed pattern keeps the
 * pieces, and so the ids, exactly jtokkit's; Quarry's tokenizer tests compare the two.
 *
 * <p>One instance per thread: it reuses a buffer for the pieces it hands out.
 */
public final class JtokkitPieces {
  private static final String CL100K_CLASS = "$Cl100kGptBytePairEncoding";

  /** Receives each piece as UTF-8 bytes; the array is reused after the call returns. */
  @FunctionalInterface
  public interface PieceSink {
    void piece(byte[] utf8, int length);
  }

  private final GptBytePairEncoding encoding;
  private final Pattern pattern;
  private final boolean cl100kParser;
  private final IntArrayList scratchRanks = new IntArrayList();
  private byte[] piece = new byte[64];

  private JtokkitPieces(GptBytePairEncoding encoding, Pattern pattern) {
    this.encoding = encoding;
    this.pattern = pattern;
    this.cl100kParser = encoding.getClass().getName().endsWith(CL100K_CLASS);
  }

  /**
   * The pieces of one of jtokkit's byte-pair encodings.
   *
   * @throws IllegalArgumentException when {@code encoding} is not one (a custom implementation)
   * @throws IllegalStateException when this jtokkit version is laid out differently
   */
  public static JtokkitPieces of(Encoding encoding) {
    if (!(encoding instanceof GptBytePairEncoding)) {
      throw new IllegalArgumentException(encoding.getName() + " is not a jtokkit byte-pair"
          + " encoding");
    }
    try {
      Field field = GptBytePairEncoding.class.getDeclaredField("pattern");
      field.setAccessible(true);
      return new JtokkitPieces((GptBytePairEncoding) encoding, (Pattern) field.get(encoding));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this jtokkit version does not keep its split pattern"
          + " where Quarry expects it", e);
    }
  }

  /** Calls {@code sink} with each piece of {@code text}, in order, as jtokkit splits it. */
  public void split(String text, PieceSink sink) {
    if (cl100kParser) {
      Cl100kParser.split(text, bytes -> {
        int length = bytes.size();
        if (piece.length < length) {
          piece = new byte[Math.max(length, 2 * piece.length)];
        }
        for (int i = 0; i < length; i++) {
          piece[i] = bytes.get(i);
        }
        sink.piece(piece, length);
        return false; // false: keep splitting
      });
    } else {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        byte[] utf8 = matcher.group().getBytes(StandardCharsets.UTF_8);
        sink.piece(utf8, utf8.length);
      }
    }
  }

  /**
   * jtokkit's own ids of one whole piece (its UTF-8 bytes): the reference Quarry's faster merge
   * ({@code MergeRanks}) is tested against.
   */
  public int[] encodePiece(byte[] utf8) {
    IntArrayList out = new IntArrayList(Math.max(1, utf8.length / 2));
    scratchRanks.clear();
    encoding.encoder.addTokensAndGetCount(Integer.MAX_VALUE, true, utf8, out, scratchRanks);
    return out.toArray();
  }
}
