package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.MappedIterator;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.InternalRows;
import dev.quarry.core.spark.PartitionStats;
import dev.quarry.core.spark.SessionConf;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.stats.Stats;
import dev.quarry.core.storage.Manifest;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.DedupSettings;
import dev.quarry.dedup.DocumentKeys;
import dev.quarry.dedup.minhash.LshParameters;
import dev.quarry.dedup.minhash.MinHasher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedup stage: exact and MinHash-LSH near-duplicate removal over one or more committed
 * document datasets, deduplicated together.
 *
 * <ol>
 *   <li>Per document, in plain Java ({@link DocumentKeys}): the exact key, the URL key when asked,
 *       and — unless the text is shorter than a shingle — the signature and band keys.
 *   <li>Candidate edges: star edges per LSH bucket and per exact (and URL) key
 *       ({@link CandidateEdges}); LSH edges optionally verified by the signatures' estimated
 *       Jaccard.
 *   <li>Clusters: distributed connected components ({@link ConnectedComponents}).
 *   <li>Per cluster, the copy the keep rule puts first is kept ({@link KeepOrder}) — a document
 *       of an earlier run's index ({@link EarlierIndex}) before any other; the cluster table
 *       ({@code _clusters/}: id, cluster_id, cluster_size, kept, kept_id, earlier, reason) is
 *       written.
 *   <li>Removal: each input partition read again and joined, where it is, with the cluster
 *       rows of its documents ({@link LocalClusterJoin}): only the cluster table is shuffled,
 *       never the documents, and nothing is broadcast, so the cost grows with the input like
 *       one more read of it.
 * </ol>
 *
 * Output: the kept documents with {@code cluster_id} (null for a document with no duplicate) and
 * {@code dup_count} (copies removed in favour of it), {@code _rejected/} (all, a sample per
 * reason, or none) with the reason {@code exact_duplicate} (same exact key as the kept copy) or
 * {@code near_duplicate}, {@code _clusters/}, {@code _index/} (the keys of the kept documents,
 * for a later run's index), and the manifest's stats.
 */
public final class DedupJob {
  private static final Logger LOG = LoggerFactory.getLogger(DedupJob.class);
  public static final String CLUSTER_ID = "cluster_id";
  public static final String DUP_COUNT = "dup_count";
  public static final String CLUSTERS_DIR = "_clusters";
  public static final String EXACT_DUPLICATE = "exact_duplicate";
  public static final String NEAR_DUPLICATE = "near_duplicate";
  static final String EXACT = "exact";
  static final String URL_KEY = "url_key";
  static final String SIGNATURE = "signature";
  static final String BANDS = "bands";
  static final String CLUSTER_SIZE = "cluster_size";
  static final String KEPT = "kept";
  static final String REASON = "reason";
  static final String KEPT_ID = "kept_id";
  static final String EARLIER = "earlier";
  /** The input partition a document was read from, for the removal join; null for an index's. */
  static final String INPUT_PARTITION = "input_partition";
  /** The file a document was read from, which orders the sample of _rejected/. */
  static final String INPUT_FILE = "input_file";
  /** The keys of a document: also the schema of an output's {@code _index/}. */
  static final StructType KEYS = new StructType()
      .add(DocumentSchema.ID, DataTypes.StringType, false)
      .add(EXACT, DataTypes.StringType, false)
      .add(URL_KEY, DataTypes.StringType, true)
      .add(SIGNATURE, DataTypes.BinaryType, true) // MinHasher.packed: 4 bytes per value
      .add(BANDS, DataTypes.createArrayType(DataTypes.LongType, false), true);
  /**
   * The keys with the values the keep rule reads, taken in the same pass over the documents so
   * that ranking a cluster needs no second read of their text.
   */
  static final StructType KEYED = KEYS
      .add(DocumentSchema.ATTRS,
          DocumentSchema.SCHEMA.apply(DocumentSchema.ATTRS).dataType(), true)
      .add(DocumentSchema.FETCHED_AT, DataTypes.TimestampType, true)
      .add(DocumentSchema.LANG_SCORE, DataTypes.DoubleType, true)
      .add(KeepOrder.TEXT_CHARS, DataTypes.IntegerType, true)
      .add(DocumentSchema.LANG, DataTypes.StringType, true)
      .add(INPUT_PARTITION, DataTypes.IntegerType, true)
      .add(INPUT_FILE, DataTypes.StringType, true);
  /** The cluster columns each document gets in the removal join. */
  private static final List<String> CLUSTER_COLUMNS = List.of(CLUSTER_ID, CLUSTER_SIZE, KEPT,
      REASON);

  private DedupJob() {}

  public static StageRunner.Result run(SparkSession spark, DedupSettings settings, String output,
      boolean overwrite, String checkpointDir) {
    List<Manifest.InputRef> inputs = inputs(spark, settings);
    LOG.info("dedup: {}", settings.options().lsh().describe());
    return StageRunner.run(spark, "dedup", settings, inputs, output, overwrite,
        temporary -> withoutAdaptiveExecution(spark,
            () -> write(spark, settings, temporary, checkpointDir)));
  }

  /**
   * The committed input datasets and earlier indexes with their manifest hashes, checked as a
   * run checks them (a config error names the field).
   */
  public static List<Manifest.InputRef> inputs(SparkSession spark, DedupSettings settings) {
    settings.validate();
    List<Manifest.InputRef> inputs = new ArrayList<>();
    for (String input : settings.input()) {
      OutputDir in = new OutputDir(input, spark.sparkContext().hadoopConfiguration());
      String hash = in.committedManifest().map(Json::hash).orElseThrow(() ->
          new ConfigException("input", "'" + input + "' is not a committed Quarry output (no "
              + "_SUCCESS and manifest.json)"));
      inputs.add(Manifest.InputRef.dataset(in.uri(), hash));
    }
    for (int i = 0; i < settings.index().size(); i++) {
      String uri = settings.index().get(i);
      JsonNode manifest = EarlierIndex.checkedManifest(spark, uri, settings.options(),
          "index[" + i + "]");
      inputs.add(Manifest.InputRef.dataset(
          new OutputDir(uri, spark.sparkContext().hadoopConfiguration()).uri(),
          Json.hash(manifest)));
    }
    return inputs;
  }

  /**
   * Runs {@code body} with adaptive query execution off (and sets the session back after). The
   * job is one big pass over the documents and then some forty small joins and aggregations
   * over keys and edges that are already partitioned by id; adaptive execution plans each of
   * their stages as a job of its own, one after the other, and may re-plan the cached keys'
   * partitioning and shuffle them again for every join. Measured on the 1 GB benchmark corpus:
   * the stage took 117.6 s with it and 96.2 s without, connected components 16 s and 7 s.
   * Partition counts then come from {@code spark.sql.shuffle.partitions} as they are.
   */
  private static <T> T withoutAdaptiveExecution(SparkSession spark,
      java.util.function.Supplier<T> body) {
    return SessionConf.with(spark, "spark.sql.adaptive.enabled", "false", body);
  }

  private static StageRunner.Outcome write(SparkSession spark, DedupSettings settings,
      String temporary, String checkpointDir) {
    DedupOptions options = settings.options();
    Dataset<Row> docs = documents(spark, settings.input());
    // One RDD for both reads of the documents — the keys pass and the removal join — so that
    // input partition k is the same split both times (LocalClusterJoin). Spark's own rows: the
    // text is decoded only for the keys, and written out again as the bytes it was read as.
    JavaRDD<InternalRow> docRows = InternalRows.of(docs).toJavaRDD();
    StructType docSchema = docs.schema();
    Dataset<Row> newKeys = InternalRows.toFrame(spark,
        docRows.mapPartitionsWithIndex(new ComputeKeys(options, docSchema), false).rdd(), KEYED);
    Dataset<Row> keys = newKeys.withColumn(EARLIER, lit(false));
    for (String uri : settings.index()) {
      keys = keys.unionByName(EarlierIndex.read(spark, uri).withColumn(EARLIER, lit(true)),
          true);
    }
    // Partitioned by id once: the joins on id below (verification, clusters, counts, index)
    // then move only their other, smaller side.
    int partitions = spark.sessionState().conf().numShufflePartitions();
    keys = keys.repartition(partitions, col(DocumentSchema.ID))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> stars = null;
    Dataset<Row> candidates = null;
    Dataset<Row> clusters = null;
    try {
      spark.sparkContext().setJobDescription("dedup: band keys");
      Dataset<Row> bandKeys = keys.filter(col(BANDS).isNotNull())
          .select(col(DocumentSchema.ID), posexplode(col(BANDS)).as(new String[] {
              CandidateEdges.BAND, CandidateEdges.BUCKET}));
      // Kept: read twice, for the bucket counts and for the edges.
      stars = CandidateEdges.starsAndCounts(bandKeys, options.largeBucket())
          .persist(StorageLevel.MEMORY_AND_DISK());
      BucketStats buckets = CandidateEdges.statsOf(stars, options.largeBucket());
      Dataset<Row> edges = CandidateEdges.edgesOf(stars);
      if (options.verify()) {
        edges = VerifiedEdges.atLeast(edges, keys, options.verifyThreshold());
      }
      edges = edges.union(CandidateEdges.edgesByKey(keys, EXACT));
      if (options.urlDedup()) {
        edges = edges.union(CandidateEdges.edgesByKey(keys, URL_KEY));
      }
      // Kept: connected components reads the edges more than once, and computing them again
      // would repeat the whole candidate search.
      candidates = edges.distinct().persist(StorageLevel.MEMORY_AND_DISK());
      spark.sparkContext().setJobDescription("dedup: candidate edges");
      long candidateEdges = candidates.count();
      ConnectedComponents.Result components = ConnectedComponents.run(candidates,
          new ConnectedComponents.Settings(options.checkpointEvery(), checkpointDir));
      spark.sparkContext().setJobDescription("dedup: rank the clusters");
      clusters = clusters(components.components(), keys, options)
          .persist(StorageLevel.MEMORY_AND_DISK());
      Stats stats = PartitionStats.over(keys.filter(col(EARLIER).equalTo(false))
          .select(col(DocumentSchema.ID), col(BANDS).isNull().as("too_short"),
              col(KeepOrder.TEXT_CHARS), col(DocumentSchema.LANG))
          .join(clusters.select(col(DocumentSchema.ID), col(KEPT), col(REASON)),
              new String[] {DocumentSchema.ID}, "left")
          .select(col(KEPT), col(REASON), col("too_short"), col(KeepOrder.TEXT_CHARS),
              col(DocumentSchema.LANG)),
          new CountOutcomes());
      stats.add("too_short_for_minhash", 0); // recorded when there is none too
      Accounting accounting = Accounting.fromCounters(stats).verify("dedup");
      spark.sparkContext().setJobDescription("dedup: write documents");
      withClusters(spark, docRows, docSchema, clusters, false)
          .filter(col(KEPT).isNull().or(col(KEPT))).select(outputColumns())
          .write().parquet(temporary);
      spark.sparkContext().setJobDescription("dedup: write _rejected");
      rejected(withClusters(spark, docRows, docSchema, rejectedToWrite(clusters, options), true))
          .write().parquet(temporary + "/_rejected");
      spark.sparkContext().setJobDescription("dedup: write the cluster table");
      clusters.drop(INPUT_PARTITION, INPUT_FILE).write().parquet(temporary + "/" + CLUSTERS_DIR);
      spark.sparkContext().setJobDescription("dedup: write the index of kept documents");
      keys.filter(col(EARLIER).equalTo(false))
          .select(Arrays.stream(KEYS.fieldNames()).map(name -> col(name)).toArray(Column[]::new))
          .join(clusters.filter(col(KEPT).equalTo(false)).select(col(DocumentSchema.ID)),
              new String[] {DocumentSchema.ID}, "left_anti")
          .write().parquet(temporary + "/" + EarlierIndex.DIR);

      Map<String, Object> summary = new LinkedHashMap<>(stats.summary());
      long in = accounting.recordsIn();
      summary.put("duplicate_rate", in == 0 ? 0.0 : (double) accounting.rejectedTotal() / in);
      summary.put("bucket_sizes", buckets.bucketsBySize());
      summary.put("large_buckets", buckets.largeBuckets());
      summary.put("candidate_edges", candidateEdges);
      summary.put("cluster_sizes", ClusterSizes.histogram(clusters));
      summary.put("connected_components_rounds", components.rounds());
      summary.put("lsh", lshSummary(options.lsh(), in));
      summary.put("keep_rule", options.keep().describe());
      return new StageRunner.Outcome(accounting, summary);
    } finally {
      keys.unpersist();
      if (stars != null) {
        stars.unpersist();
      }
      if (candidates != null) {
        candidates.unpersist();
      }
      if (clusters != null) {
        clusters.unpersist();
      }
    }
  }

  /** Every input's documents, as one dataset of the document columns and the input file. */
  static Dataset<Row> documents(SparkSession spark, List<String> inputs) {
    Column[] columns = Stream.concat(Arrays.stream(DocumentSchema.SCHEMA.fieldNames())
            .map(name -> col(name)), Stream.of(input_file_name().as(INPUT_FILE)))
        .toArray(Column[]::new);
    Dataset<Row> all = null;
    for (String input : inputs) {
      Dataset<Row> one = Datasets.read(spark, input).select(columns);
      all = all == null ? one : all.union(one);
    }
    return all;
  }

  /**
   * One row per document in a cluster: its cluster (the smallest id in it), the cluster's size,
   * whether the keep rule keeps it, and for the others why they go; and the input partition it
   * and file it was read from (null for an earlier run's document), which the cluster table
   * leaves out.
   */
  static Dataset<Row> clusters(Dataset<Row> components, Dataset<Row> keys,
      DedupOptions options) {
    Dataset<Row> members = components.withColumnRenamed(ConnectedComponents.COMPONENT,
            CLUSTER_ID)
        .join(keys.select(col(DocumentSchema.ID), col(EXACT), col(EARLIER),
            col(DocumentSchema.ATTRS), col(DocumentSchema.FETCHED_AT),
            col(DocumentSchema.LANG_SCORE), col(KeepOrder.TEXT_CHARS), col(INPUT_PARTITION),
            col(INPUT_FILE)), DocumentSchema.ID);
    List<Column> order = new ArrayList<>();
    order.add(col(EARLIER).desc()); // a document kept by an earlier run stays kept
    order.addAll(Arrays.asList(KeepOrder.columns(options.keep())));
    WindowSpec byKeep = Window.partitionBy(col(CLUSTER_ID)).orderBy(order.toArray(Column[]::new));
    WindowSpec whole = Window.partitionBy(col(CLUSTER_ID));
    return members
        .withColumn("_rank", row_number().over(byKeep))
        .withColumn("_kept_exact", first(col(EXACT)).over(byKeep))
        .withColumn(KEPT_ID, first(col(DocumentSchema.ID)).over(byKeep))
        .withColumn(CLUSTER_SIZE, count(lit(1)).over(whole))
        .select(col(DocumentSchema.ID), col(CLUSTER_ID), col(CLUSTER_SIZE),
            col("_rank").equalTo(1).as(KEPT), col(KEPT_ID), col(EARLIER),
            when(col("_rank").equalTo(1), lit(null).cast(DataTypes.StringType))
                .when(col(EXACT).equalTo(col("_kept_exact")), lit(EXACT_DUPLICATE))
                .otherwise(lit(NEAR_DUPLICATE)).as(REASON), col(INPUT_PARTITION),
            col(INPUT_FILE));
  }

  /**
   * The documents with their cluster columns (null when in no cluster; with
   * {@code matchedOnly}, only the documents in {@code clusters}), joined partition by partition
   * where they were read ({@link LocalClusterJoin}): the documents are not shuffled and the
   * cluster table is not broadcast. {@code docRows} must be the RDD the keys pass read.
   */
  static Dataset<Row> withClusters(SparkSession spark, JavaRDD<InternalRow> docRows,
      StructType docSchema, Dataset<Row> clusters, boolean matchedOnly) {
    List<Column> columns = new ArrayList<>(List.of(col(INPUT_PARTITION), col(DocumentSchema.ID)));
    CLUSTER_COLUMNS.forEach(name -> columns.add(col(name)));
    Dataset<Row> rows = clusters.filter(col(INPUT_PARTITION).isNotNull())
        .select(columns.toArray(Column[]::new));
    StructType clusterColumns = new StructType(Arrays.copyOfRange(rows.schema().fields(), 2,
        columns.size()));
    return InternalRows.toFrame(spark, LocalClusterJoin.join(docRows,
            docSchema.fieldIndex(DocumentSchema.ID), InternalRows.of(rows).toJavaRDD(),
            clusterColumns, matchedOnly).rdd(),
        LocalClusterJoin.schema(docSchema, clusterColumns));
  }

  private static Column[] outputColumns() {
    List<Column> columns = new ArrayList<>();
    for (String name : DocumentSchema.SCHEMA.fieldNames()) {
      columns.add(col(name));
    }
    columns.add(col(CLUSTER_ID));
    columns.add(when(col(CLUSTER_SIZE).isNull(), lit(0)).otherwise(col(CLUSTER_SIZE).minus(1))
        .cast(DataTypes.IntegerType).as(DUP_COUNT));
    return columns.toArray(Column[]::new);
  }

  /**
   * The cluster rows of the dropped duplicates to write to {@code _rejected/}, as the options
   * ask: all, none, or a sample — the first {@code rejected_per_reason} per reason by input file
   * and id, the same on every rerun of the same input, and held by few files, so that the
   * removal join reads only the input partitions that hold them.
   */
  static Dataset<Row> rejectedToWrite(Dataset<Row> clusters, DedupOptions options) {
    Dataset<Row> dropped = clusters.filter(col(KEPT).equalTo(false)
        .and(col(INPUT_PARTITION).isNotNull()));
    return switch (options.rejected()) {
      case NONE -> dropped.limit(0);
      case SAMPLE -> dropped.withColumn("_n", row_number().over(Window.partitionBy(col(REASON))
              .orderBy(col(INPUT_FILE), col(DocumentSchema.ID))))
          .filter(col("_n").leq(options.rejectedPerReason())).drop("_n");
      case ALL -> dropped;
    };
  }

  /** The dropped documents in the columns of {@code _rejected/}. */
  static Dataset<Row> rejected(Dataset<Row> dropped) {
    List<Column> columns = new ArrayList<>();
    for (String name : DocumentSchema.SCHEMA.fieldNames()) {
      columns.add(col(name));
    }
    columns.add(col(CLUSTER_ID));
    columns.add(lit("dedup").as("reject_stage"));
    columns.add(col(REASON).as("reject_reason"));
    return dropped.select(columns.toArray(Column[]::new));
  }

  private static Map<String, Object> lshSummary(LshParameters lsh, long documents) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("threshold", lsh.threshold());
    out.put("hash_family", DocumentKeys.HASH_FAMILY);
    out.put("num_hashes", lsh.numHashes());
    out.put("bands", lsh.bands());
    out.put("rows", lsh.rows());
    Map<String, Double> curve = new LinkedHashMap<>();
    lsh.curve().forEach(p -> curve.put(String.valueOf(p.similarity()), p.probability()));
    out.put("candidate_probability", curve);
    out.put("expected_shuffle_bytes", lsh.expectedShuffleBytes(documents));
    return out;
  }

  /**
   * The keys of each document of a partition, with the partition's index; one
   * {@link DocumentKeys} per partition.
   */
  private static final class ComputeKeys
      implements Function2<Integer, Iterator<InternalRow>, Iterator<InternalRow>> {
    private static final long serialVersionUID = 1L;
    private final DedupOptions options;
    private final int id;
    private final int text;
    private final int url;
    private final int attrs;
    private final int fetchedAt;
    private final int langScore;
    private final int lang;
    private final int inputFile;

    ComputeKeys(DedupOptions options, StructType documents) {
      this.options = options;
      this.id = documents.fieldIndex(DocumentSchema.ID);
      this.text = documents.fieldIndex(DocumentSchema.TEXT);
      this.url = documents.fieldIndex(DocumentSchema.URL);
      this.attrs = documents.fieldIndex(DocumentSchema.ATTRS);
      this.fetchedAt = documents.fieldIndex(DocumentSchema.FETCHED_AT);
      this.langScore = documents.fieldIndex(DocumentSchema.LANG_SCORE);
      this.lang = documents.fieldIndex(DocumentSchema.LANG);
      this.inputFile = documents.fieldIndex(INPUT_FILE);
    }

    /** One row of {@link #KEYED}; the input row may be reused, so what is kept is copied. */
    @Override
    public Iterator<InternalRow> call(Integer partition, Iterator<InternalRow> rows) {
      DocumentKeys keys = new DocumentKeys(options);
      return MappedIterator.of(rows, row -> {
        String body = row.isNullAt(text) ? null : row.getUTF8String(text).toString();
        String urlValue = !options.urlDedup() || row.isNullAt(url) ? null // unused then
            : row.getUTF8String(url).toString();
        DocumentKeys.Keys k = keys.of(body, urlValue);
        return new GenericInternalRow(new Object[] {copied(row, id),
            UTF8String.fromString(k.exact()), UTF8String.fromString(k.url()),
            k.signature() == null ? null : MinHasher.packed(k.signature()),
            k.bands() == null ? null : UnsafeArrayData.fromPrimitiveArray(k.bands()),
            row.isNullAt(attrs) ? null : row.getMap(attrs).copy(),
            row.isNullAt(fetchedAt) ? null : row.getLong(fetchedAt),
            row.isNullAt(langScore) ? null : row.getDouble(langScore),
            body == null ? null : body.length(), copied(row, lang), partition,
            copied(row, inputFile)});
      });
    }

    private static UTF8String copied(InternalRow row, int field) {
      return row.isNullAt(field) ? null : row.getUTF8String(field).clone();
    }
  }

  /**
   * Exact counts over this run's documents (not an index's): in, kept, dropped by reason,
   * those too short for MinHash, text lengths in characters of all of them and of the kept, and
   * the kept per language ({@code kept_lang.<lang>}, "none" when not identified).
   */
  private static final class CountOutcomes extends PartitionStats {
    private static final long serialVersionUID = 1L;

    @Override
    protected void count(Stats s, Row row) {
      s.increment("records_in");
      int chars = row.isNullAt(3) ? 0 : row.getInt(3);
      s.observe("text_chars_in", chars);
      if (row.isNullAt(0) || row.getBoolean(0)) {
        s.increment("kept");
        s.increment("kept_lang." + (row.isNullAt(4) ? "none" : row.getString(4)));
        s.observe("kept_text_chars", chars);
        if (!row.isNullAt(0)) {
          s.increment("kept_with_duplicates");
        }
      } else {
        s.increment("rejected." + row.getString(1));
      }
      if (row.getBoolean(2)) {
        s.increment("too_short_for_minhash");
      }
    }
  }
}
