package dev.quarry.dedup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.quarry.core.config.Check;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.dedup.minhash.LshParameters;
import dev.quarry.dedup.minhash.MinHasher;
import java.io.Serializable;
import java.util.Locale;

/**
 * How deduplication decides (the {@code dedup:} section of a pipeline, a {@code --config} file
 * of {@code quarry dedup}, or its flags). Every value affects the output, so all of it is part
 * of the fingerprint. Nulls take the defaults below.
 *
 * <pre>
 * threshold: 0.8          # Jaccard similarity of word 5-gram shingles that counts as duplicate
 * num_hashes: 128         # MinHash signature length
 * bands: null             # override the bands × rows chosen for the threshold (both or neither)
 * rows: null
 * ngram: 5                # words per shingle (CJK and Thai: characters)
 * seed: 1                 # seeds the hash family; same seed, same signatures
 * lowercase: false        # exact dedup: fold case before hashing
 * fold_whitespace: true   # exact dedup: runs of white space count as one space
 * url_dedup: false        # also documents with the same normalised URL
 * verify: true            # drop LSH candidates whose signatures agree on fewer positions than
 * verify_threshold: null  #   this share (default: threshold - 0.05, the estimate's noise)
 * keep: [{column: fetched_at, order: asc}]   # which copy stays (then the smallest id)
 * large_bucket: 10000     # buckets bigger than this are counted in the stats
 * checkpoint_every: 2     # connected components: cut the lineage every this many rounds
 * rejected: sample        # all | sample | none: dropped duplicates written to _rejected/
 * rejected_per_reason: 100
 * </pre>
 */
public record DedupOptions(Double threshold, Integer numHashes, Integer bands, Integer rows,
    Integer ngram, Long seed, Boolean lowercase, Boolean foldWhitespace, Boolean urlDedup,
    Boolean verify, Double verifyThreshold, KeepRule keep, Integer largeBucket,
    Integer checkpointEvery, Rejected rejected, Integer rejectedPerReason)
    implements YamlConfig.Validated, Serializable {
  public static final double DEFAULT_THRESHOLD = 0.8;
  /** How far below the threshold verification cuts: about one standard deviation of the
   * estimate at 0.8 with 128 hashes (0.035), so a pair at the threshold nearly always passes. */
  public static final double VERIFY_MARGIN = 0.05;

  /** Which dropped duplicates are written to {@code _rejected/}. */
  public enum Rejected {
    ALL, SAMPLE, NONE;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DedupOptions {
    threshold = threshold == null ? DEFAULT_THRESHOLD : threshold;
    numHashes = numHashes == null ? LshParameters.DEFAULT_NUM_HASHES : numHashes;
    ngram = ngram == null ? 5 : ngram;
    seed = seed == null ? 1L : seed;
    lowercase = lowercase != null && lowercase;
    foldWhitespace = foldWhitespace == null || foldWhitespace;
    urlDedup = urlDedup != null && urlDedup;
    verify = verify == null || verify;
    verifyThreshold = verifyThreshold == null ? Math.max(0.01, threshold - VERIFY_MARGIN)
        : verifyThreshold;
    keep = keep == null ? KeepRule.defaults() : keep;
    largeBucket = largeBucket == null ? 10_000 : largeBucket;
    checkpointEvery = checkpointEvery == null ? 2 : checkpointEvery;
    rejected = rejected == null ? Rejected.SAMPLE : rejected;
    rejectedPerReason = rejectedPerReason == null ? 100 : rejectedPerReason;
  }

  /** Every default. */
  public static DedupOptions defaults() {
    return new DedupOptions(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  /** The same options with another threshold (the command line's {@code --threshold}). */
  public DedupOptions withThreshold(double newThreshold) {
    return new DedupOptions(newThreshold, numHashes, bands, rows, ngram, seed, lowercase,
        foldWhitespace, urlDedup, verify, null, keep, largeBucket, checkpointEvery, rejected,
        rejectedPerReason);
  }

  @Override
  public void validate() {
    Check.that(threshold > 0 && threshold < 1, "threshold",
        "must be strictly between 0 and 1 (got " + threshold + ")");
    Check.that(numHashes >= 1 && numHashes <= MinHasher.MAX_HASHES, "num_hashes",
        "must be between 1 and " + MinHasher.MAX_HASHES + " (got " + numHashes + ")");
    Check.that((bands == null) == (rows == null), bands == null ? "bands" : "rows",
        "give both bands and rows, or neither (then they are chosen for the threshold)");
    Check.that(ngram >= 1 && ngram <= 50, "ngram", "must be between 1 and 50 (got " + ngram
        + ")");
    Check.that(verifyThreshold > 0 && verifyThreshold < 1, "verify_threshold",
        "must be strictly between 0 and 1 (got " + verifyThreshold + ")");
    Check.positive(largeBucket, "large_bucket");
    Check.positive(checkpointEvery, "checkpoint_every");
    Check.that(rejectedPerReason >= 0, "rejected_per_reason", "must be 0 or more (got "
        + rejectedPerReason + ")");
    keep.validate("keep");
    lsh();
  }

  /** The LSH banding: the given bands × rows, or the best for the threshold. */
  @JsonIgnore
  public LshParameters lsh() {
    try {
      return bands == null ? LshParameters.forThreshold(threshold, numHashes)
          : LshParameters.of(bands, rows, threshold, numHashes);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(bands == null ? "num_hashes" : "bands", e.getMessage());
    }
  }
}
