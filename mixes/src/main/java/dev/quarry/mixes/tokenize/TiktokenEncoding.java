package dev.quarry.mixes.tokenize;

import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tiktoken encodings jtokkit embeds, with the special ids jtokkit gives them. jtokkit does
 * not publish its special-token table, so it is written here and checked against jtokkit's own
 * decoder when an encoding is loaded (see {@link JtokkitTokenizer}).
 */
enum TiktokenEncoding {
  R50K_BASE(EncodingType.R50K_BASE, 50256, 50256),
  P50K_BASE(EncodingType.P50K_BASE, 50256, 50256),
  CL100K_BASE(EncodingType.CL100K_BASE, 100257, 100276),
  O200K_BASE(EncodingType.O200K_BASE, 199999, 200018);

  static final String END_OF_TEXT = "<|endoftext|>";

  private final EncodingType type;
  private final int endOfTextId;
  private final int largestSpecialId;

  TiktokenEncoding(EncodingType type, int endOfTextId, int largestSpecialId) {
    this.type = type;
    this.endOfTextId = endOfTextId;
    this.largestSpecialId = largestSpecialId;
  }

  static Optional<TiktokenEncoding> named(String name) {
    return Arrays.stream(values()).filter(e -> e.encodingName().equals(name)).findFirst();
  }

  /** "r50k_base, p50k_base, cl100k_base, o200k_base", for error messages. */
  static String names() {
    return Arrays.stream(values()).map(TiktokenEncoding::encodingName)
        .collect(Collectors.joining(", "));
  }

  String encodingName() {
    return type.getName();
  }

  EncodingType type() {
    return type;
  }

  /** The id of {@code <|endoftext|>}, the default end-of-document id. */
  int endOfTextId() {
    return endOfTextId;
  }

  int largestSpecialId() {
    return largestSpecialId;
  }

  /** Where jtokkit keeps the rank file inside its jar (its own loader reads the same path). */
  String rankResource() {
    return "/com/knuddels/jtokkit/" + encodingName() + ".tiktoken";
  }
}
