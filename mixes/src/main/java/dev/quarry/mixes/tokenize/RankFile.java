package dev.quarry.mixes.tokenize;

import com.knuddels.jtokkit.Encodings;
import dev.quarry.core.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.ObjIntConsumer;

/**
 * A tiktoken rank file as jtokkit ships it: lines of {@code base64(token bytes) rank}. Its
 * SHA-256 names the vocabulary; its largest rank bounds the ordinary ids.
 *
 * @param sha256 SHA-256 (hex) of the file's bytes
 * @param largestRank the largest ordinary id
 */
record RankFile(String sha256, int largestRank) {

  /** Reads the file through jtokkit's own class loader, so it is the copy jtokkit encodes with. */
  static RankFile of(TiktokenEncoding encoding) {
    byte[] bytes = bytes(encoding.rankResource());
    return new RankFile(Hashing.sha256Hex(bytes), largestRank(bytes));
  }

  static byte[] bytes(String resource) {
    try (InputStream in = Encodings.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("jtokkit's jar has no " + resource
            + "; use the jtokkit version the root pom names (jtokkit.version)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from jtokkit's jar", e);
    }
  }

  /** Calls {@code entry} with each line's base64 token and rank, in file order. */
  static void forEach(byte[] bytes, ObjIntConsumer<String> entry) {
    for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        entry.accept(line.substring(0, space), Integer.parseInt(line.substring(space + 1).trim()));
      }
    }
  }

  private static int largestRank(byte[] bytes) {
    int[] largest = {-1};
    forEach(bytes, (token, rank) -> largest[0] = Math.max(largest[0], rank));
    return largest[0];
  }
}
