package dev.quarry.filters.classifier.spark;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quarry.core.config.ConfigException;
import dev.quarry.filters.classifier.FeatureSpec;
import java.util.List;

/**
 * What {@code quarry classifier train} learns from and how: the committed document datasets of
 * each side (positive: the text to score high — reference prose for a quality model, toxic text
 * for a toxicity model), the features, and the training knobs. The whole record is the job's
 * config: its hash is part of the output's fingerprint.
 *
 * @param maxPerClass documents sampled per side at most (null: as many as the smaller side has)
 * @param holdout share of the sampled documents kept out of training to measure the model
 * @param regParam L2 regularisation of the logistic regression
 */
public record TrainSettings(List<String> positive, List<String> negative, String features,
    String buckets, long seed, @JsonProperty("max_per_class") Long maxPerClass, double holdout,
    @JsonProperty("reg_param") double regParam, @JsonProperty("max_iter") int maxIter) {

  public static final String DEFAULT_FEATURES = "word-ngrams:1-2";
  public static final String DEFAULT_BUCKETS = "2^20";
  public static final double DEFAULT_HOLDOUT = 0.1;
  public static final double DEFAULT_REG_PARAM = 1e-4;
  public static final int DEFAULT_MAX_ITER = 100;

  public TrainSettings {
    positive = positive == null ? List.of() : List.copyOf(positive);
    negative = negative == null ? List.of() : List.copyOf(negative);
    features = features == null ? DEFAULT_FEATURES : features;
    buckets = buckets == null ? DEFAULT_BUCKETS : buckets;
  }

  /** The feature spec, or a {@link ConfigException} naming --features or --buckets. */
  public FeatureSpec featureSpec() {
    return FeatureSpec.parse(features, buckets);
  }

  public void validate() {
    if (positive.isEmpty()) {
      throw new ConfigException("--positive", "give at least one dataset of positive examples");
    }
    if (negative.isEmpty()) {
      throw new ConfigException("--negative", "give at least one dataset of negative examples");
    }
    featureSpec();
    if (!(holdout > 0 && holdout < 0.5)) {
      throw new ConfigException("--holdout", "must be above 0 and below 0.5 (got " + holdout
          + ")");
    }
    if (maxPerClass != null && maxPerClass < 10) {
      throw new ConfigException("--max-per-class", "must be at least 10 (got " + maxPerClass
          + ")");
    }
    if (!(regParam >= 0) || Double.isInfinite(regParam)) {
      throw new ConfigException("--reg-param", "must be 0 or more (got " + regParam + ")");
    }
    if (maxIter < 1) {
      throw new ConfigException("--max-iter", "must be at least 1 (got " + maxIter + ")");
    }
  }
}
