package dev.quarry.filters.spark;

import dev.quarry.core.Document;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.PartitionStats;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.spark.StatsAccumulator;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.stats.Stats;
import dev.quarry.core.storage.Manifest;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.filters.FilterSteps;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.chain.FilterChain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The filter stage: every document of a committed dataset through the chain (steps built once
 * per partition, models once per executor), cached, counted, then split into the kept documents,
 * {@code _rejected/} (all, a sample per reason, or none) and {@code _errors/}. Exact counts come
 * from the data; per-step times from an accumulator.
 */
public final class FilterJob {
  static final String STATUS = "_status";
  static final String REASON = "_reason";
  static final String STEP = "_step";
  /** The text's length in characters (code points) as it came in, before the chain changed it. */
  static final String CHARS_IN = "_chars_in";
  static final StructType TAGGED;

  static {
    List<StructField> fields = new ArrayList<>(Arrays.asList(DocumentSchema.SCHEMA.fields()));
    fields.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(STEP, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(CHARS_IN, DataTypes.IntegerType, false));
    TAGGED = DataTypes.createStructType(fields);
  }

  private FilterJob() {}

  public static StageRunner.Result run(SparkSession spark, FilterSettings settings,
      String chainOrigin, String output, boolean overwrite) {
    check(settings, chainOrigin);
    return StageRunner.run(spark, "filter", settings, inputs(spark, settings), output,
        overwrite, temporary -> write(spark, settings, chainOrigin, temporary));
  }

  /** Validates the settings and builds the chain once (its lists and models load). */
  public static void check(FilterSettings settings, String chainOrigin) {
    settings.validate();
    FilterSteps.registry().build(settings.chain(), chainOrigin);
  }

  /** The committed input dataset and its manifest hash, or a config error naming input. */
  public static List<Manifest.InputRef> inputs(SparkSession spark, FilterSettings settings) {
    OutputDir in = new OutputDir(settings.input(), spark.sparkContext().hadoopConfiguration());
    String manifestHash = in.committedManifest().map(Json::hash).orElseThrow(() ->
        new dev.quarry.core.config.ConfigException("input", "'" + settings.input()
            + "' is not a committed Quarry output (no _SUCCESS and manifest.json)"));
    return List.of(Manifest.InputRef.dataset(in.uri(), manifestHash));
  }

  private static StageRunner.Outcome write(SparkSession spark, FilterSettings settings,
      String chainOrigin, String temporary) {
    StatsAccumulator timings = new StatsAccumulator();
    spark.sparkContext().register(timings, "filter step timings");
    spark.sparkContext().setJobDescription("filter: run the chain");
    JavaRDD<Row> rows = Datasets.read(spark, settings.input()).javaRDD()
        .mapPartitions(new ApplyChain(settings.chain(), chainOrigin, timings));
    Dataset<Row> tagged = spark.createDataFrame(rows, TAGGED)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Stats stats = PartitionStats.over(tagged.select(functions.col(STATUS),
          functions.col(REASON), functions.col(DocumentSchema.LANG),
          functions.length(functions.col(DocumentSchema.TEXT)),
          functions.col(DocumentSchema.LANG_SCORE), functions.col(DocumentSchema.ATTRS),
          functions.col(CHARS_IN)),
          new CountOutcomes());
      Accounting accounting = Accounting.fromCounters(stats).verify("filter");
      spark.sparkContext().setJobDescription("filter: write documents");
      tagged.filter(functions.col(STATUS).equalTo("kept")).select(documentColumns())
          .write().parquet(temporary);
      spark.sparkContext().setJobDescription("filter: write _rejected");
      rejected(tagged, settings.chain()).write().parquet(temporary + "/_rejected");
      spark.sparkContext().setJobDescription("filter: write _errors");
      tagged.filter(functions.col(STATUS).equalTo("error"))
          .select(functions.col(REASON).as("reason"),
              functions.col(DocumentSchema.LOCATION).as("location"),
              functions.col(STEP).as("detail"))
          .write().parquet(temporary + "/_errors");
      Map<String, Object> summary = new LinkedHashMap<>(stats.summary());
      summary.put("steps", stepSummary(timings.value()));
      summary.put("mode", settings.chain().mode().name().toLowerCase());
      return new StageRunner.Outcome(accounting, summary);
    } finally {
      tagged.unpersist();
    }
  }

  private static Column[] documentColumns() {
    return Arrays.stream(DocumentSchema.SCHEMA.fieldNames()).map(functions::col)
        .toArray(Column[]::new);
  }

  /** The dropped documents to keep for inspection, as the chain's config asks. */
  static Dataset<Row> rejected(Dataset<Row> tagged, ChainConfig chain) {
    Dataset<Row> dropped = tagged.filter(functions.col(STATUS).equalTo("rejected"));
    switch (chain.rejected()) {
      case NONE -> dropped = dropped.limit(0);
      case SAMPLE -> dropped = Datasets.firstByIdPerKey(dropped, REASON,
          chain.rejectedPerReason());
      default -> { }
    }
    List<Column> columns = new ArrayList<>(Arrays.asList(documentColumns()));
    columns.add(functions.lit("filter").as("reject_stage"));
    columns.add(functions.col(REASON).as("reject_reason"));
    columns.add(functions.col(STEP).as("reject_step"));
    return dropped.select(columns.toArray(Column[]::new));
  }

  /** Per step: documents in, dropped by reason, seconds, and share of the chain's time. */
  static Map<String, Object> stepSummary(Stats timings) {
    Map<String, Object> steps = new LinkedHashMap<>();
    long totalNanos = timings.countersWithPrefix("step.").entrySet().stream()
        .filter(e -> e.getKey().endsWith(".nanos")).mapToLong(Map.Entry::getValue).sum();
    timings.countersWithPrefix("step.").forEach((key, value) -> {
      int dot = key.indexOf('.');
      String step = key.substring(0, dot);
      String what = key.substring(dot + 1);
      @SuppressWarnings("unchecked")
      Map<String, Object> s = (Map<String, Object>) steps.computeIfAbsent(step,
          k -> new LinkedHashMap<String, Object>());
      if (what.equals("nanos")) {
        s.put("seconds", value / 1e9);
        s.put("time_share", totalNanos == 0 ? 0 : (double) value / totalNanos);
      } else {
        s.put(what, value);
      }
    });
    return steps;
  }

  /** Runs the chain over one partition; adds the partition's step timings at its end. */
  private static final class ApplyChain implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final ChainConfig chain;
    private final String origin;
    private final StatsAccumulator timings;

    ApplyChain(ChainConfig chain, String origin, StatsAccumulator timings) {
      this.chain = chain;
      this.origin = origin;
      this.timings = timings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      FilterChain filters = new FilterChain(FilterSteps.registry().build(chain, origin),
          chain.mode());
      return new Iterator<>() {
        private boolean reported;

        @Override
        public boolean hasNext() {
          boolean more = input.hasNext();
          if (!more && !reported) {
            reported = true;
            timings.add(filters.stats());
          }
          return more;
        }

        @Override
        public Row next() {
          Document document = DocumentSchema.fromRow(input.next());
          String text = document.text();
          int charsIn = text == null ? 0 : text.codePointCount(0, text.length());
          FilterChain.Outcome outcome = filters.apply(document);
          Object[] values = Arrays.copyOf(DocumentSchema.values(outcome.document()),
              DocumentSchema.SCHEMA.size() + 4);
          int at = DocumentSchema.SCHEMA.size();
          values[at] = outcome.kept() ? "kept" : outcome.error() != null ? "error" : "rejected";
          values[at + 1] = outcome.error() != null ? outcome.error() : outcome.dropReason();
          values[at + 2] = outcome.droppedBy();
          values[at + 3] = charsIn;
          return RowFactory.create(values);
        }
      };
    }
  }

  /**
   * Exact counts: by outcome and reason, by language, text sizes, the language score and every
   * score in attrs (linear histograms, scored and kept), and the
   * values each scrubber changed per type ({@code attrs} starting {@code pii.}, summed over
   * every document, dropped ones too).
   */
  private static final class CountOutcomes extends PartitionStats {
    private static final long serialVersionUID = 1L;
    /** The attrs prefix under which scrubbers record what they changed. */
    static final String SCRUBBED_PREFIX = "pii.";
    /** The attrs prefix of the runner-up languages' scores (not a score of this document). */
    static final String ALTERNATIVES_PREFIX = "lang_alt.";

    /**
     * A score into the linear histograms: {@code scored.<name>} for every document that has it
     * (in filter mode, those that reached the step that sets it), {@code kept.<name>} for the kept.
     */
    private static void score(Stats s, boolean kept, String name, double value) {
      s.observeScore("scored." + name, value);
      if (kept) {
        s.observeScore("kept." + name, value);
      }
    }

    @Override
    protected void count(Stats s, Row row) {
      s.increment("records_in");
      // Lengths in characters (code points, as Spark's length()): as the document came in, and
      // as the chain left it (lines removed, PII replaced) for the kept ones.
      s.observe("text_chars_in", row.getInt(6));
      int chars = row.isNullAt(3) ? 0 : row.getInt(3);
      String lang = row.isNullAt(2) ? "none" : row.getString(2);
      boolean kept = row.getString(0).equals("kept");
      if (!row.isNullAt(4)) {
        score(s, kept, "lang_score", row.getDouble(4));
      }
      if (!row.isNullAt(5)) {
        Map<String, Double> attrs = row.getJavaMap(5);
        attrs.forEach((key, value) -> {
          if (key.startsWith(SCRUBBED_PREFIX)) {
            if (value != null && value > 0) {
              s.add(key, Math.round(value));
            }
          } else if (value != null && !key.startsWith(ALTERNATIVES_PREFIX)) {
            score(s, kept, key, value);
          }
        });
      }
      switch (row.getString(0)) {
        case "kept" -> {
          s.increment("kept");
          s.increment("kept_lang." + lang);
          s.observe("kept_text_chars", chars);
        }
        case "rejected" -> {
          s.increment("rejected." + row.getString(1));
          s.increment("rejected_lang." + lang);
        }
        default -> s.increment("errors." + row.getString(1));
      }
    }
  }
}
