package dev.quarry.dedup.minhash;

import dev.quarry.core.config.ByteSize;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How MinHash signatures are cut into LSH bands: {@code bands} bands of {@code rows} values,
 * bands × rows = numHashes. Two documents become candidates when any band agrees entirely,
 * which happens with probability P(s) = 1 − (1 − s<sup>r</sup>)<sup>b</sup> at Jaccard
 * similarity s; {@code threshold} is the similarity the curve is meant to separate at.
 *
 * <p>Field values for comparison: FineWeb 112 hashes as 14 × 8 (about 0.72), RedPajama v2 128
 * hashes of which 9 × 13 = 117 are banded (0.8), NeMo Curator 260 as 20 × 13. Here every hash
 * is banded, so only divisor pairs of numHashes are possible.
 */
public record LshParameters(int numHashes, int bands, int rows, double threshold)
    implements Serializable {
  /**
   * 128 hashes when none is given: a 1 KiB signature per document, a Jaccard estimate with
   * standard deviation at most 0.044, RedPajama v2's count, and a power of two with the pairs
   * 16 × 8 and 8 × 16 around the usual 0.7–0.9 thresholds. Its divisors are coarse, though: see
   * {@link #forThreshold(double, int)} for what that means at 0.8.
   */
  public static final int DEFAULT_NUM_HASHES = 128;
  /**
   * False negatives weigh four times false positives (0.2 against 0.8), not equally as in
   * datasketch: a pair LSH misses stays in the data for good, while a false candidate costs only
   * its verification by the signatures' estimated Jaccard, which the dedup stage does. With equal
   * weights the curve is centred on the threshold, so half the pairs right at it are missed
   * (0.8 with 128 hashes: 8 × 16, P(0.8) = 0.20); with these 16 × 8 finds 95% of them.
   */
  public static final double DEFAULT_FALSE_POSITIVE_WEIGHT = 0.2;
  /** Bytes of one band row in the candidate shuffle: 64-bit bucket key. */
  public static final int BUCKET_KEY_BYTES = 8;
  /** Bytes of one band row in the candidate shuffle: the band index as an int. */
  public static final int BAND_BYTES = 4;
  /**
   * Bytes of one band row in the candidate shuffle: the 128-bit document id carried as two
   * longs (as hex text it would be 32). Spark's row headers and shuffle compression are left
   * out, so {@link #expectedShuffleBytes} is the payload, not the bytes on disk.
   */
  public static final int DOCUMENT_ID_BYTES = 16;

  private static final double[] CURVE_SIMILARITIES = {0.5, 0.7, 0.8, 0.9};

  /** One point of the S-curve: the probability that a pair at this similarity is a candidate. */
  public record CurvePoint(double similarity, double probability) implements Serializable {}

  public LshParameters {
    checkThreshold(threshold);
    MinHasher.checkNumHashes(numHashes);
    if (bands < 1 || rows < 1 || (long) bands * rows != numHashes) {
      throw new IllegalArgumentException("bands × rows must equal numHashes " + numHashes
          + " with both at least 1 (got " + bands + " × " + rows + "); allowed: "
          + String.join(", ", divisorPairs(numHashes)));
    }
  }

  /** Explicit bands and rows, checked. */
  public static LshParameters of(int bands, int rows, double threshold, int numHashes) {
    return new LshParameters(numHashes, bands, rows, threshold);
  }

  /** The best pair for {@code threshold} with {@value #DEFAULT_NUM_HASHES} hashes. */
  public static LshParameters forThreshold(double threshold) {
    return forThreshold(threshold, DEFAULT_NUM_HASHES);
  }

  /**
   * The (bands, rows) pair with bands × rows = numHashes that minimises
   * {@value #DEFAULT_FALSE_POSITIVE_WEIGHT} × false-positive area + the rest × false-negative
   * area. With 128 hashes and threshold 0.8 that is 16 × 8 (P(0.8) ≈ 0.95, P(0.5) ≈ 0.06); equal
   * weights would choose 8 × 16 (steepest near 0.88, P(0.8) ≈ 0.20).
   */
  public static LshParameters forThreshold(double threshold, int numHashes) {
    return forThreshold(threshold, numHashes, DEFAULT_FALSE_POSITIVE_WEIGHT,
        1 - DEFAULT_FALSE_POSITIVE_WEIGHT);
  }

  /**
   * The pair minimising falsePositiveWeight × ∫<sub>0</sub><sup>t</sup> P(s) ds +
   * falseNegativeWeight × ∫<sub>t</sub><sup>1</sup> (1 − P(s)) ds over every divisor pair; on
   * a tie, the one with fewer bands (a smaller shuffle). Each weight is in [0, 1], not both 0.
   */
  public static LshParameters forThreshold(double threshold, int numHashes,
      double falsePositiveWeight, double falseNegativeWeight) {
    checkThreshold(threshold);
    MinHasher.checkNumHashes(numHashes);
    checkWeight(falsePositiveWeight, "falsePositiveWeight");
    checkWeight(falseNegativeWeight, "falseNegativeWeight");
    if (falsePositiveWeight + falseNegativeWeight == 0) {
      throw new IllegalArgumentException(
          "falsePositiveWeight and falseNegativeWeight must not both be 0");
    }
    LshParameters best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (int bands = 1; bands <= numHashes; bands++) {
      if (numHashes % bands != 0) {
        continue;
      }
      LshParameters candidate = new LshParameters(numHashes, bands, numHashes / bands, threshold);
      double error = falsePositiveWeight * candidate.falsePositiveArea()
          + falseNegativeWeight * candidate.falseNegativeArea();
      if (error < bestError) {
        best = candidate;
        bestError = error;
      }
    }
    return best;
  }

  /** The probability that a pair of Jaccard similarity {@code similarity} is a candidate. */
  public double probability(double similarity) {
    if (!(similarity >= 0 && similarity <= 1)) {
      throw new IllegalArgumentException(
          "similarity must be between 0 and 1 (got " + similarity + ")");
    }
    return SCurve.probability(bands, rows, similarity);
  }

  /** The curve at similarities 0.5, 0.7, 0.8 and 0.9. */
  public List<CurvePoint> curve() {
    List<CurvePoint> points = new ArrayList<>(CURVE_SIMILARITIES.length);
    for (double similarity : CURVE_SIMILARITIES) {
      points.add(new CurvePoint(similarity, probability(similarity)));
    }
    return List.copyOf(points);
  }

  /** ∫<sub>0</sub><sup>threshold</sup> P(s) ds. */
  public double falsePositiveArea() {
    return SCurve.falsePositiveArea(bands, rows, threshold);
  }

  /** ∫<sub>threshold</sub><sup>1</sup> (1 − P(s)) ds. */
  public double falseNegativeArea() {
    return SCurve.falseNegativeArea(bands, rows, threshold);
  }

  /**
   * The band rows the candidate step shuffles for {@code documents} documents: one row per
   * document and band of {@value #BUCKET_KEY_BYTES} + {@value #BAND_BYTES} +
   * {@value #DOCUMENT_ID_BYTES} bytes.
   */
  public long expectedShuffleBytes(long documents) {
    if (documents < 0) {
      throw new IllegalArgumentException("documents must not be negative (got " + documents + ")");
    }
    long rowBytes = BUCKET_KEY_BYTES + BAND_BYTES + DOCUMENT_ID_BYTES;
    return Math.multiplyExact(Math.multiplyExact(documents, (long) bands), rowBytes);
  }

  /**
   * (1/b)<sup>1/r</sup>, near where the curve is steepest and P ≈ 1 − 1/e: the similarity the
   * pair actually separates at, which the divisor pairs can put well away from the threshold.
   */
  public double steepestSimilarity() {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  /** {@link #describe(long)} for a billion documents. */
  public String describe() {
    return describe(1_000_000_000L);
  }

  /** One paragraph: the choice, the curve and its steep point, the two areas, the shuffle. */
  public String describe(long documents) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "threshold %.2f, %d hashes as %d bands × %d rows (steepest near s = (1/b)^(1/r) = %.2f);"
            + " P(candidate) at", threshold, numHashes, bands, rows, steepestSimilarity()));
    List<CurvePoint> points = curve();
    for (int i = 0; i < points.size(); i++) {
      text.append(String.format(Locale.ROOT, i == 0 ? " s=%.1f: %.2f" : ", %.1f: %.2f",
          points.get(i).similarity(), points.get(i).probability()));
    }
    return text.append(String.format(Locale.ROOT,
        "; false-positive area %.4f, false-negative area %.4f; ~%s of band keys for %,d"
            + " documents", falsePositiveArea(), falseNegativeArea(),
        ByteSize.format(expectedShuffleBytes(documents)), documents)).toString();
  }

  private static void checkThreshold(double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "threshold must be strictly between 0 and 1 (got " + threshold + ")");
    }
  }

  private static void checkWeight(double weight, String field) {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException(field + " must be between 0 and 1 (got " + weight + ")");
    }
  }

  private static List<String> divisorPairs(int numHashes) {
    List<String> pairs = new ArrayList<>();
    for (int bands = 1; bands <= numHashes; bands++) {
      if (numHashes % bands == 0) {
        pairs.add(bands + " × " + numHashes / bands);
      }
    }
    return pairs;
  }
}
