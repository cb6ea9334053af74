package dev.quarry.filters.classifier.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.quarry.core.MappedIterator;
import dev.quarry.core.QuarryBuild;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.storage.Manifest;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.filters.classifier.FeatureSpec;
import dev.quarry.filters.classifier.LinearModel;
import dev.quarry.filters.classifier.NgramFeatures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@code quarry classifier train}: a logistic-regression classifier over hashed word n-grams
 * ({@link NgramFeatures}), trained with Spark MLlib on balanced, seeded samples of a positive and
 * a negative side, measured on a held-out share, and written as {@code model.bin} (what the
 * {@code classifier} filter step reads: {@link LinearModel}) with a model card
 * {@code model.json}: inputs and their manifest hashes, sizes, features, seed, held-out ROC-AUC,
 * precision and recall at thresholds 0.1–0.9, a calibration table, and the largest difference
 * between the Java scorer's and MLlib's probabilities on the held-out documents.
 *
 * <p>Sampling: each side's documents with text, ordered by a seeded hash of their id; the first
 * n of each, n = the smaller side's count (or {@code max_per_class}). Held out: the sampled
 * documents whose seeded hash falls in the {@code holdout} share. Both depend on ids and the
 * seed only, not on partitioning.
 */
public final class ClassifierTraining {
  public static final String JOB = "classifier-train";
  public static final String MODEL_FILE = "model.bin";
  public static final String CARD_FILE = "model.json";
  static final double[] THRESHOLDS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  static final int CALIBRATION_BINS = 10;

  private static final String LABEL = "label";
  private static final String FEATURES = "features";
  private static final String HELD_OUT = "held_out";
  private static final String KEY = "sample_key";
  private static final String JAVA_P = "p_java";
  private static final String MLLIB_P = "p_mllib";
  private static final long HOLDOUT_SCALE = 1_000_000;

  private ClassifierTraining() {}

  public static StageRunner.Result run(SparkSession spark, TrainSettings settings, String output,
      boolean overwrite) {
    settings.validate();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Manifest.InputRef> inputs = new ArrayList<>();
    inputs.addAll(datasets(settings.positive(), "--positive", conf));
    inputs.addAll(datasets(settings.negative(), "--negative", conf));
    return StageRunner.run(spark, JOB, settings, inputs, output, overwrite,
        temporary -> train(spark, settings, inputs, temporary));
  }

  private static List<Manifest.InputRef> datasets(List<String> uris, String option,
      Configuration conf) {
    List<Manifest.InputRef> refs = new ArrayList<>();
    for (String uri : uris) {
      OutputDir dir = new OutputDir(uri, conf);
      String hash = dir.committedManifest().map(Json::hash).orElseThrow(() ->
          new ConfigException(option, "'" + uri + "' is not a committed Quarry dataset (no"
              + " _SUCCESS and manifest.json); labelled JSON Lines become one with quarry ingest"
              + " --format jsonl"));
      refs.add(Manifest.InputRef.dataset(dir.uri(), hash));
    }
    return refs;
  }

  private static StageRunner.Outcome train(SparkSession spark, TrainSettings settings,
      List<Manifest.InputRef> inputs, String temporary) {
    FeatureSpec spec = settings.featureSpec();
    long seed = settings.seed();
    Dataset<Row> positive = side(spark, inputs.subList(0, settings.positive().size()), 1.0);
    Dataset<Row> negative = side(spark, inputs.subList(settings.positive().size(),
        inputs.size()), 0.0);
    Counts pos = counts(positive);
    Counts neg = counts(negative);
    long perClass = Math.min(pos.withText, neg.withText);
    if (settings.maxPerClass() != null) {
      perClass = Math.min(perClass, settings.maxPerClass());
    }
    if (perClass > Integer.MAX_VALUE) {
      throw new ConfigException("--max-per-class", "the smaller side has " + perClass
          + " documents: sample at most " + Integer.MAX_VALUE + " per side with --max-per-class");
    }
    if (perClass < 10) {
      throw new ConfigException(pos.withText < neg.withText ? "--positive" : "--negative",
          "has " + Math.min(pos.withText, neg.withText) + " documents with text; a classifier"
              + " needs at least 10 per side (and thousands to be any good)");
    }
    spark.sparkContext().setJobDescription("classifier: sample and featurize");
    Dataset<Row> sampled = sample(positive, pos.withText, perClass, seed)
        .union(sample(negative, neg.withText, perClass, seed))
        .withColumn(HELD_OUT, pmod(xxhash64(lit(seed), lit("held-out"),
            col(DocumentSchema.ID)), lit(HOLDOUT_SCALE))
            .lt(lit(Math.round(settings.holdout() * HOLDOUT_SCALE))));
    Dataset<Row> featurized = sampled.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> {
          NgramFeatures features = new NgramFeatures(spec);
          return MappedIterator.of(rows, row -> {
            NgramFeatures.Sparse v = features.sparse(row.getString(1));
            Vector vector = Vectors.sparse(v.size(), v.indices(), v.values());
            boolean heldOut = row.getBoolean(3);
            return RowFactory.create(row.getDouble(2), vector, heldOut,
                heldOut ? row.getString(1) : null);
          });
        }, ExpressionEncoder.apply(new StructType()
            .add(LABEL, DataTypes.DoubleType, false)
            .add(FEATURES, SQLDataTypes.VectorType(), false)
            .add(HELD_OUT, DataTypes.BooleanType, false)
            .add(DocumentSchema.TEXT, DataTypes.StringType, true)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> training = featurized.filter(col(HELD_OUT).equalTo(false));
      Dataset<Row> heldOut = featurized.filter(col(HELD_OUT));
      spark.sparkContext().setJobDescription("classifier: train");
      LogisticRegressionModel fitted = new LogisticRegression()
          .setLabelCol(LABEL).setFeaturesCol(FEATURES)
          .setRegParam(settings.regParam()).setElasticNetParam(0)
          .setMaxIter(settings.maxIter()).setFitIntercept(true)
          .fit(training);
      LinearModel model = new LinearModel(spec, fitted.intercept(),
          fitted.coefficients().toArray());

      spark.sparkContext().setJobDescription("classifier: measure on the held-out documents");
      Dataset<Row> scored = scoreBoth(spark, fitted, model, heldOut);
      Map<String, Object> metrics = metrics(scored);
      long trainingDocs = training.count();
      long heldOutDocs = ((Number) metrics.get("held_out_documents")).longValue();

      Map<String, Object> card = new LinkedHashMap<>();
      card.put("model", "logistic-regression");
      card.put("scores", "P(the document is like the --positive side)");
      card.put("features", spec.describe());
      card.put("buckets", spec.buckets());
      card.put("seed", seed);
      card.put("holdout", settings.holdout());
      card.put("reg_param", settings.regParam());
      card.put("max_iter", settings.maxIter());
      card.put("training_iterations", fitted.summary().totalIterations());
      card.put("intercept", fitted.intercept());
      card.put("non_zero_weights", model.nonZeroWeights());
      card.put("inputs", Map.of("positive", inputCard(inputs.subList(0,
              settings.positive().size()), pos, perClass),
          "negative", inputCard(inputs.subList(settings.positive().size(), inputs.size()), neg,
              perClass)));
      card.put("training_documents", trainingDocs);
      card.put("held_out", metrics);
      card.put("quarry", Map.of("version", QuarryBuild.current().version(),
          "git_commit", QuarryBuild.current().gitCommit()));
      card.put("created_at", Instant.now().toString());
      write(spark, temporary, model, card);

      long kept = trainingDocs + heldOutDocs;
      Map<String, Long> rejected = new LinkedHashMap<>();
      rejected.put("not_sampled", pos.withText + neg.withText - kept);
      rejected.put("empty_text", pos.rows - pos.withText + neg.rows - neg.withText);
      Map<String, Object> stats = new LinkedHashMap<>();
      stats.put("held_out_roc_auc", metrics.get("roc_auc"));
      stats.put("training_documents", trainingDocs);
      stats.put("held_out_documents", heldOutDocs);
      return new StageRunner.Outcome(new Accounting(pos.rows + neg.rows, kept, rejected,
          Map.of()), stats);
    } finally {
      featurized.unpersist();
    }
  }

  private record Counts(long rows, long withText) {}

  /** The (id, text, label) rows of one side's datasets. */
  private static Dataset<Row> side(SparkSession spark, List<Manifest.InputRef> inputs,
      double label) {
    Dataset<Row> all = null;
    for (Manifest.InputRef input : inputs) {
      Dataset<Row> one = Datasets.read(spark, input.path()).select(col(DocumentSchema.ID),
          col(DocumentSchema.TEXT), lit(label).as(LABEL));
      all = all == null ? one : all.union(one);
    }
    return all;
  }

  private static Counts counts(Dataset<Row> side) {
    Row row = side.agg(count(lit(1)), sum(when(col(DocumentSchema.TEXT).isNotNull()
        .and(col(DocumentSchema.TEXT).notEqual("")), 1).otherwise(0))).first();
    return new Counts(row.getLong(0), row.isNullAt(1) ? 0 : row.getLong(1));
  }

  /** The first {@code n} documents with text by seeded hash of their id. */
  private static Dataset<Row> sample(Dataset<Row> side, long available, long n, long seed) {
    Dataset<Row> keyed = side.filter(col(DocumentSchema.TEXT).isNotNull()
            .and(col(DocumentSchema.TEXT).notEqual("")))
        .withColumn(KEY, xxhash64(lit(seed), col(DocumentSchema.ID)));
    if (n < available) {
      // The n-th smallest key, from the keys alone (no document text moves to one machine).
      long cutoff = keyed.select(col(KEY)).orderBy(col(KEY)).offset((int) (n - 1)).first()
          .getLong(0);
      keyed = keyed.filter(col(KEY).leq(cutoff));
    }
    return keyed.select(col(DocumentSchema.ID), col(DocumentSchema.TEXT), col(LABEL));
  }

  /** Held-out rows (label, p_java, p_mllib): the Java scorer on the text, MLlib on the vector. */
  private static Dataset<Row> scoreBoth(SparkSession spark, LogisticRegressionModel fitted,
      LinearModel model, Dataset<Row> heldOut) {
    Broadcast<double[]> weights = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(fitted.coefficients().toArray());
    FeatureSpec spec = model.spec();
    double intercept = model.intercept();
    return fitted.setProbabilityCol("probability").transform(heldOut)
        .select(col(LABEL), col(DocumentSchema.TEXT), col("probability"))
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
          LinearModel scorer = new LinearModel(spec, intercept, weights.value());
          NgramFeatures features = new NgramFeatures(spec);
          return MappedIterator.of(rows, row -> RowFactory.create(
              row.getDouble(0), scorer.probability(row.getString(1), features),
              ((Vector) row.get(2)).apply(1)));
        }, ExpressionEncoder.apply(new StructType()
            .add(LABEL, DataTypes.DoubleType, false)
            .add(JAVA_P, DataTypes.DoubleType, false)
            .add(MLLIB_P, DataTypes.DoubleType, false)))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** ROC-AUC, precision/recall at {@link #THRESHOLDS}, calibration, Java vs MLlib. */
  private static Map<String, Object> metrics(Dataset<Row> scored) {
    try {
      List<Column> sums = new ArrayList<>();
      sums.add(count(lit(1)));
      sums.add(sum(col(LABEL)));
      sums.add(max(abs(col(JAVA_P).minus(col(MLLIB_P)))));
      for (double t : THRESHOLDS) {
        Column predicted = col(JAVA_P).geq(t);
        sums.add(sum(when(predicted.and(col(LABEL).equalTo(1.0)), 1).otherwise(0)));
        sums.add(sum(when(predicted, 1).otherwise(0)));
      }
      Row totals = scored.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
          .first();
      long documents = totals.getLong(0);
      long positives = Math.round(totals.getDouble(1));
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("held_out_documents", documents);
      metrics.put("held_out_positives", positives);
      double auc = new BinaryClassificationMetrics(scored.select(col(JAVA_P), col(LABEL))
          .javaRDD().map(r -> new Tuple2<Object, Object>(r.getDouble(0), r.getDouble(1)))
          .rdd()).areaUnderROC();
      metrics.put("roc_auc", auc);
      List<Map<String, Object>> atThresholds = new ArrayList<>();
      for (int i = 0; i < THRESHOLDS.length; i++) {
        long truePositives = totals.getLong(3 + 2 * i);
        long predicted = totals.getLong(4 + 2 * i);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("threshold", THRESHOLDS[i]);
        row.put("predicted_positive", predicted);
        row.put("precision", predicted == 0 ? null : (double) truePositives / predicted);
        row.put("recall", positives == 0 ? null : (double) truePositives / positives);
        atThresholds.add(row);
      }
      metrics.put("at_thresholds", atThresholds);
      List<Map<String, Object>> calibration = new ArrayList<>();
      for (Row bin : scored.groupBy(least(floor(col(JAVA_P).multiply(CALIBRATION_BINS)),
              lit(CALIBRATION_BINS - 1)).as("bin"))
          .agg(count(lit(1)), avg(col(JAVA_P)), avg(col(LABEL))).orderBy("bin")
          .collectAsList()) {
        Map<String, Object> row = new LinkedHashMap<>();
        long b = bin.getLong(0);
        row.put("from", (double) b / CALIBRATION_BINS);
        row.put("to", (double) (b + 1) / CALIBRATION_BINS);
        row.put("documents", bin.getLong(1));
        row.put("mean_predicted", bin.getDouble(2));
        row.put("fraction_positive", bin.getDouble(3));
        calibration.add(row);
      }
      metrics.put("calibration", calibration);
      metrics.put("max_abs_difference_java_vs_mllib", totals.isNullAt(2) ? 0.0
          : totals.getDouble(2));
      return metrics;
    } finally {
      scored.unpersist();
    }
  }

  private static Map<String, Object> inputCard(List<Manifest.InputRef> inputs, Counts counts,
      long sampled) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("datasets", inputs.stream().map(i -> Map.of("dataset", i.path(),
        "manifest_sha256", i.manifestHash())).toList());
    card.put("documents", counts.rows);
    card.put("documents_with_text", counts.withText);
    card.put("sampled", sampled);
    return card;
  }

  private static void write(SparkSession spark, String temporary, LinearModel model,
      Map<String, Object> card) {
    Path dir = new Path(temporary);
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.mkdirs(dir);
      try (OutputStream out = fs.create(new Path(dir, MODEL_FILE), true)) {
        model.write(out);
      }
      try (OutputStream out = fs.create(new Path(dir, CARD_FILE), true)) {
        out.write(Json.pretty(card).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model into " + temporary, e);
    }
  }
}
