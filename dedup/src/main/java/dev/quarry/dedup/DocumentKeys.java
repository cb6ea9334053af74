package dev.quarry.dedup;

import dev.quarry.core.text.Nfkc;
import dev.quarry.core.text.WordSplitter;
import dev.quarry.dedup.exact.ExactKey;
import dev.quarry.dedup.exact.UrlKey;
import dev.quarry.dedup.minhash.BandKeys;
import dev.quarry.dedup.minhash.LshParameters;
import dev.quarry.dedup.minhash.MinHasher;
import dev.quarry.dedup.minhash.Shingler;

/**
 * Everything deduplication needs from one document, computed once: its exact key, its
 * normalised URL (when URL dedup is on), and — unless the text has fewer words than a shingle —
 * its MinHash signature and LSH band keys. A text too short for a shingle gets no signature and
 * no band keys, so it can only be an exact (or URL) duplicate: such texts never share a
 * degenerate signature. One instance per partition, used by the thread that made it.
 */
public final class DocumentKeys {
  /** The keys of one document; {@code signature} and {@code bands} are null when too short. */
  public record Keys(String exact, String url, long[] signature, long[] bands) {
    public boolean tooShort() {
      return signature == null;
    }
  }

  /**
   * How texts become signatures — the shingle hashing and the MinHash family — as recorded in a
   * dedup output's manifest ({@code stats.lsh.hash_family}): an index made another way cannot be
   * compared with signatures made now.
   */
  public static final String HASH_FAMILY = Shingler.HASHING + "/" + MinHasher.FAMILY;

  private final ExactKey exactKey;
  private final boolean urlDedup;
  private final Shingler shingler;
  private final MinHasher minHasher;
  private final LshParameters lsh;
  private final WordSplitter splitter = WordSplitter.forThread();

  public DocumentKeys(DedupOptions options) {
    this.exactKey = new ExactKey(options.lowercase(), options.foldWhitespace());
    this.urlDedup = options.urlDedup();
    this.shingler = new Shingler(options.ngram());
    this.minHasher = new MinHasher(options.numHashes(), options.seed());
    this.lsh = options.lsh();
  }

  public Keys of(String text, String url) {
    String body = text == null ? "" : text;
    String urlKey = urlDedup && url != null ? UrlKey.of(url).orElse(null) : null;
    String nfkc = Nfkc.of(body); // once, for both keys
    String exact = exactKey.ofNfkc(nfkc);
    long[] shingles = shingler.shinglesOfNfkc(nfkc, splitter);
    if (shingler.tooShort(shingles)) {
      return new Keys(exact, urlKey, null, null);
    }
    long[] signature = minHasher.signature(shingles);
    return new Keys(exact, urlKey, signature, BandKeys.of(signature, lsh));
  }
}
