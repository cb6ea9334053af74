package dev.quarry.filters.classifier;

import dev.quarry.core.config.ConfigException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A logistic-regression model over {@link NgramFeatures}: P(positive) = 1 / (1 + e^-margin),
 * margin = intercept + Σ weight[bucket] × value[bucket] — the same formula as Spark MLlib's
 * binary {@code LogisticRegressionModel}, so the scorer gives MLlib's probabilities without Spark.
 * Since a bucket's value is its n-grams' share of the text's n-grams, the margin is computed as
 * the mean weight over the text's n-grams, with no vector built. Immutable: one per executor.
 *
 * <p>File format ({@code model.bin}, big-endian as {@link DataOutputStream} writes): the 8 ASCII
 * bytes {@code QRYLINM1}; int32 min n, int32 max n, int32 buckets; float64 intercept; int32 count
 * of non-zero weights; then count × (int32 bucket ascending, float64 weight).
 */
public final class LinearModel {
  static final byte[] MAGIC = "QRYLINM1".getBytes(StandardCharsets.US_ASCII);

  private final FeatureSpec spec;
  private final double intercept;
  private final double[] weights;

  public LinearModel(FeatureSpec spec, double intercept, double[] weights) {
    if (weights.length != spec.buckets()) {
      throw new IllegalArgumentException(weights.length + " weights for " + spec.buckets()
          + " buckets");
    }
    this.spec = spec;
    this.intercept = intercept;
    this.weights = weights.clone();
  }

  public FeatureSpec spec() {
    return spec;
  }

  public double intercept() {
    return intercept;
  }

  public double weight(int bucket) {
    return weights[bucket];
  }

  /** P(positive) of {@code text}; {@code features} must be for this model's {@link #spec}. */
  public double probability(CharSequence text, NgramFeatures features) {
    return sigmoid(margin(text, features));
  }

  /** The margin (log-odds) of {@code text}. */
  public double margin(CharSequence text, NgramFeatures features) {
    if (!features.spec().equals(spec)) {
      throw new IllegalArgumentException("features " + features.spec() + " for a model of "
          + spec);
    }
    return margin(features, features.hashes(text));
  }

  /**
   * The margin of the {@code n} n-grams that {@code features} (for this model's spec) hashed
   * last: for a caller that needs their count too.
   */
  double margin(NgramFeatures features, int n) {
    if (n == 0) {
      return intercept;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += weights[features.bucket(i)];
    }
    return intercept + sum / n;
  }

  /** P(positive) of a sparse vector, as MLlib computes it (for comparing the two). */
  public double probability(NgramFeatures.Sparse vector) {
    double margin = intercept;
    for (int i = 0; i < vector.indices().length; i++) {
      margin += weights[vector.indices()[i]] * vector.values()[i];
    }
    return sigmoid(margin);
  }

  /** How many buckets have a weight: what model.bin stores. */
  public int nonZeroWeights() {
    return (int) Arrays.stream(weights).filter(w -> w != 0).count();
  }

  static double sigmoid(double margin) {
    return 1.0 / (1.0 + Math.exp(-margin));
  }

  public void write(OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
    out.write(MAGIC);
    out.writeInt(spec.minN());
    out.writeInt(spec.maxN());
    out.writeInt(spec.buckets());
    out.writeDouble(intercept);
    out.writeInt(nonZeroWeights());
    for (int b = 0; b < weights.length; b++) {
      if (weights[b] != 0) {
        out.writeInt(b);
        out.writeDouble(weights[b]);
      }
    }
    out.flush();
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @throws IOException naming what is wrong when the bytes are not such a model
   */
  public static LinearModel read(InputStream stream, String name) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
    try {
      return read(in, name);
    } catch (EOFException e) {
      throw new IOException(name + " ends early (truncated?): the file is damaged");
    }
  }

  private static LinearModel read(DataInputStream in, String name) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IOException(name + " is not a Quarry linear model (no QRYLINM1 header): give"
          + " the model.bin that quarry classifier train wrote");
    }
    FeatureSpec spec;
    int minN = in.readInt();
    int maxN = in.readInt();
    int buckets = in.readInt();
    try {
      spec = new FeatureSpec(minN, maxN, buckets);
    } catch (ConfigException e) {
      throw new IOException(name + ": features " + minN + "-" + maxN + " in " + buckets
          + " buckets (" + e.problem() + "): the file is damaged");
    }
    double intercept = in.readDouble();
    if (!Double.isFinite(intercept)) {
      throw new IOException(name + ": intercept " + intercept + ": the file is damaged");
    }
    int nonZero = in.readInt();
    if (nonZero < 0 || nonZero > spec.buckets()) {
      throw new IOException(name + ": " + nonZero + " weights for " + spec.buckets()
          + " buckets: the file is damaged");
    }
    double[] weights = new double[spec.buckets()];
    int previous = -1;
    for (int i = 0; i < nonZero; i++) {
      int bucket = in.readInt();
      if (bucket <= previous || bucket >= spec.buckets()) {
        throw new IOException(name + ": bucket " + bucket + " out of order or range: the file"
            + " is damaged");
      }
      double weight = in.readDouble();
      if (!Double.isFinite(weight)) {
        throw new IOException(name + ": weight " + weight + " of bucket " + bucket
            + ": the file is damaged");
      }
      weights[bucket] = weight;
      previous = bucket;
    }
    if (in.read() != -1) {
      throw new IOException(name + ": bytes after the last weight: the file is damaged");
    }
    return new LinearModel(spec, intercept, weights);
  }
}
