package dev.quarry.mixes.tokenize;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.JtokkitPieces;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.IntArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiktoken encoding through jtokkit (pure Java). jtokkit's encodings are immutable, so one
 * instance serves every thread of an executor; each thread encodes through its own
 * {@link PieceEncoder}, which caches the ids of the pieces it has seen and byte-pair encodes the
 * others with the encoding's {@link MergeRanks} (shared by all threads, built once per JVM).
 */
final class JtokkitTokenizer implements Tokenizer {
  private static final Logger LOG = LoggerFactory.getLogger(JtokkitTokenizer.class);
  // Lazy: only the encodings a job names are parsed, once per JVM however often it loads them.
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
  private static final Map<TiktokenEncoding, RankFile> RANK_FILES = new ConcurrentHashMap<>();
  // Built when a thread first encodes, not at load: loading for the identity alone stays cheap.
  private static final Map<TiktokenEncoding, MergeRanks> MERGE_RANKS = new ConcurrentHashMap<>();

  private final Encoding encoding;
  private final TokenizerIdentity identity;
  /** Each thread's cached encoder; null where jtokkit's internals are out of reach. */
  private final ThreadLocal<PieceEncoder> perThread;

  private JtokkitTokenizer(TiktokenEncoding which, Encoding encoding, TokenizerIdentity identity,
      int cacheCapacity) {
    this.encoding = encoding;
    this.identity = identity;
    this.perThread = cachedPiecesWork(encoding)
        ? ThreadLocal.withInitial(() -> new PieceEncoder(JtokkitPieces.of(encoding),
            new PieceCache(cacheCapacity), mergeRanks(which)::encode))
        : null;
  }

  static JtokkitTokenizer load(TiktokenEncoding which, Integer eos, Integer bos) {
    return load(which, eos, bos, PieceCache.DEFAULT_CAPACITY);
  }

  /** As {@link #load(TiktokenEncoding, Integer, Integer)}, each thread caching that many pieces. */
  static JtokkitTokenizer load(TiktokenEncoding which, Integer eos, Integer bos,
      int cacheCapacity) {
    Encoding encoding = REGISTRY.getEncoding(which.type());
    checkSpecialIds(which, encoding);
    RankFile ranks = RANK_FILES.computeIfAbsent(which, RankFile::of);
    int vocabSize = Math.max(ranks.largestRank(), which.largestSpecialId()) + 1;
    int eosId = eos != null ? eos : which.endOfTextId();
    return new JtokkitTokenizer(which, encoding,
        Tokenizers.identity(which.encodingName(), ranks.sha256(), vocabSize, eosId, bos),
        cacheCapacity);
  }

  /** Whether this tokenizer encodes through the piece cache (else through jtokkit alone). */
  boolean cachesPieces() {
    return perThread != null;
  }

  @Override
  public int[] encode(String text) {
    if (perThread != null) {
      return perThread.get().encode(text);
    }
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
   * The encoding's merge tables, read from the rank file jtokkit itself encodes with (so the
   * ids cannot drift from jtokkit's), built by the first thread that needs them — the others
   * wait for that one rather than build their own (0.1 to 0.3 s; 7 MB of tables for
   * cl100k_base, 14 MB for o200k_base).
   */
  static MergeRanks mergeRanks(TiktokenEncoding which) {
    return MERGE_RANKS.computeIfAbsent(which, w -> {
      long start = System.nanoTime();
      MergeRanks ranks = MergeRanks.of(RankFile.bytes(w.rankResource()));
      LOG.debug("tokenizer {}: {} tokens, {} merging pairs, {} MB of merge tables in {} ms",
          w.encodingName(), ranks.tokens(), ranks.pairs(), ranks.tableBytes() >> 20,
          (System.nanoTime() - start) / 1_000_000);
      return ranks;
    });
  }

  /**
   * Whether jtokkit's pieces can be reached ({@link JtokkitPieces} lives in jtokkit's package,
   * so it needs jtokkit loaded by the same class loader as Quarry — true of Quarry's shaded jar,
   * which relocates both together). Where not, encoding falls back to jtokkit's own {@code encodeOrdinary}: the same ids, two to four
   * times slower.
   */
  private static boolean cachedPiecesWork(Encoding encoding) {
    try {
      JtokkitPieces.of(encoding).split("a b", (utf8, length) -> { });
      return true;
    } catch (LinkageError | RuntimeException e) {
      LOG.warn("tokenizer {}: jtokkit's internals are out of reach ({}); encoding without the"
          + " piece cache, two to four times slower", encoding.getName(), e.toString());
      return false;
    }
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
