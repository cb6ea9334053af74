package dev.quarry.mixes.tokenize;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiktoken encoding through jtokkit (pure Java). jtokkit's encodings are immutable, so one
 * instance serves every thread of an executor.
 */
final class JtokkitTokenizer implements Tokenizer {
  // Lazy: only the encodings a job names are parsed, once per JVM however often it loads them.
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
  private static final Map<TiktokenEncoding, RankFile> RANK_FILES = new ConcurrentHashMap<>();

  private final Encoding encoding;
  private final TokenizerIdentity identity;

  private JtokkitTokenizer(Encoding encoding, TokenizerIdentity identity) {
    this.encoding = encoding;
    this.identity = identity;
  }

  static JtokkitTokenizer load(TiktokenEncoding which, Integer eos, Integer bos) {
    Encoding encoding = REGISTRY.getEncoding(which.type());
    checkSpecialIds(which, encoding);
    RankFile ranks = RANK_FILES.computeIfAbsent(which, RankFile::of);
    int vocabSize = Math.max(ranks.largestRank(), which.largestSpecialId()) + 1;
    int eosId = eos != null ? eos : which.endOfTextId();
    return new JtokkitTokenizer(encoding,
        Tokenizers.identity(which.encodingName(), ranks.sha256(), vocabSize, eosId, bos));
  }

  @Override
  public int[] encode(String text) {
    // encodeOrdinary: special-token strings in the text stay plain text (encode() would throw).
    return encoding.encodeOrdinary(text).toArray();
  }

  @Override
  public String decode(int[] tokens, int length) {
    Objects.checkFromToIndex(0, length, tokens.length);
    IntArrayList list = new IntArrayList(length);
    for (int i = 0; i < length; i++) {
      list.add(tokens[i]);
    }
    try {
      return encoding.decode(list);
    } catch (NullPointerException | IllegalArgumentException unknownId) {
      // jtokkit 1.1 reports an id it does not know with a NullPointerException.
      throw new IllegalArgumentException(unknownId.getMessage() + " is not an id of "
          + identity.name(), unknownId);
    }
  }

  @Override
  public TokenizerIdentity identity() {
    return identity;
  }

  /**
   * The special ids of {@link TiktokenEncoding} are written by hand; a jtokkit upgrade that moved
   * them would silently put wrong document boundaries into shards, so fail loudly instead.
   */
  private static void checkSpecialIds(TiktokenEncoding which, Encoding encoding) {
    String endOfText = decodeOne(encoding, which.endOfTextId());
    String largest = decodeOne(encoding, which.largestSpecialId());
    if (!TiktokenEncoding.END_OF_TEXT.equals(endOfText) || !largest.startsWith("<|")) {
      throw new IllegalStateException("jtokkit's " + which.encodingName() + " does not give "
          + TiktokenEncoding.END_OF_TEXT + " the id " + which.endOfTextId()
          + " or has no special token " + which.largestSpecialId()
          + "; update TiktokenEncoding for this jtokkit version");
    }
  }

  private static String decodeOne(Encoding encoding, int id) {
    IntArrayList one = new IntArrayList(1);
    one.add(id);
    try {
      return encoding.decode(one);
    } catch (NullPointerException | IllegalArgumentException unknownId) {
      return "";
    }
  }
}
