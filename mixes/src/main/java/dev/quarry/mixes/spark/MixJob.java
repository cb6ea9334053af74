package dev.quarry.mixes.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.QuarryBuild;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.SerializableHadoopConf;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.mixes.registry.MixVersions;
import dev.quarry.mixes.spec.MixSource;
import dev.quarry.mixes.spec.MixSpec;
import dev.quarry.mixes.tokenize.TokenizerIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code quarry mix create}: makes the next version of a mix from its spec.
 *
 * <ol>
 *   <li>Every source's documents (after its filter) tokenized once ({@link TokenizedDocuments}).
 *   <li>Per source, the tokens available and the plan to meet its target: whole epochs and a
 *       seeded partial one ({@link Sampling}); a target the source cannot meet within
 *       {@code max_epochs} is an error that says how many tokens it has.
 *   <li>The next version is claimed ({@link MixVersions}) — only now, so a spec that cannot
 *       be met leaves no version behind.
 *   <li>Every copy placed by its seeded order key; mix offsets and shards from that global
 *       order ({@link ShardAssignment}).
 *   <li>Tokens joined to their places, one partition per shard, each shard's files and index
 *       written by one task ({@link WriteShards}).
 *   <li>{@code manifest.json} (lineage: spec, tokenizer, sources and their manifests, every
 *       file's SHA-256), then {@code _SUCCESS}.
 * </ol>
 */
public final class MixJob {
  private static final Logger LOG = LoggerFactory.getLogger(MixJob.class);
  public static final String MANIFEST = "manifest.json";

  private MixJob() {}

  /**
   * What a create made, or (with {@code created} false) the existing version that was already
   * what it would have made.
   */
  public record Result(String name, int version, String directory, long documents, long tokens,
      int shards, boolean created) {
    public String label() {
      return name + "@" + MixVersions.label(version);
    }
  }

  /**
   * The latest committed version when it was made from the same spec (by hash), the same
   * inputs (by their manifests' hashes) and the same Quarry version; else a new version. What
   * a pipeline rerun does: a mix stage that is up to date makes nothing.
   */
  public static Result createUnlessUpToDate(SparkSession spark, MixSpec spec, String root) {
    return upToDate(spark, spec, root).orElseGet(() -> create(spark, spec, root));
  }

  /**
   * The latest committed version when it is what {@link #create} would make now (same spec
   * hash, same inputs' manifest hashes, same Quarry version); empty when a new version is due.
   * Reads manifests only.
   *
   * @throws ConfigException when the spec is invalid or an input is not a committed dataset
   */
  public static Optional<Result> upToDate(SparkSession spark, MixSpec spec, String root) {
    spec.validate();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String[] hashes = inputs(spec, conf).manifestHashes();
    MixVersions versions = new MixVersions(root, conf);
    Optional<Integer> latest = versions.latestCommitted(spec.name());
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    String directory = versions.dir(spec.name(), latest.get()).toString();
    JsonNode manifest = manifest(directory, conf);
    boolean same = manifest.path("spec_sha256").asText().equals(spec.hash())
        && manifest.path("quarry").path("version").asText()
            .equals(QuarryBuild.current().version());
    for (int s = 0; same && s < hashes.length; s++) {
      same = manifest.path("sources").path(s).path("dataset_manifest_sha256").asText()
          .equals(hashes[s]);
    }
    if (!same) {
      return Optional.empty();
    }
    JsonNode totals = manifest.path("totals");
    return Optional.of(new Result(spec.name(), latest.get(), directory,
        totals.path("documents").asLong(), totals.path("tokens").asLong(),
        totals.path("shards").asInt(), false));
  }

  /** Each source's dataset URI and the SHA-256 of its committed manifest. */
  private record Inputs(String[] datasets, String[] manifestHashes) {}

  private static Inputs inputs(MixSpec spec, Configuration conf) {
    List<MixSource> sources = spec.sources();
    String[] datasets = new String[sources.size()];
    String[] manifestHashes = new String[sources.size()];
    for (int i = 0; i < datasets.length; i++) {
      if (sources.get(i).input().contains("${")) {
        throw new ConfigException("sources[" + i + "].input", "'" + sources.get(i).input()
            + "' has a variable with no value: set it with quarry mix create --var NAME=VALUE"
            + " (a pipeline's mix stage sets ${work_dir})");
      }
      OutputDir input = new OutputDir(sources.get(i).input(), conf);
      int index = i;
      manifestHashes[i] = input.committedManifest().map(Json::hash).orElseThrow(() ->
          new ConfigException("sources[" + index + "].input", "'" + sources.get(index).input()
              + "' is not a committed Quarry dataset (no _SUCCESS and manifest.json)"));
      datasets[i] = input.uri();
    }
    return new Inputs(datasets, manifestHashes);
  }

  public static Result create(SparkSession spark, MixSpec spec, String root) {
    Instant started = Instant.now();
    spec.validate();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    SerializableHadoopConf hadoopConf = new SerializableHadoopConf(conf);
    List<MixSource> sources = spec.sources();
    Inputs inputs = inputs(spec, conf);
    String[] datasets = inputs.datasets();
    String[] manifestHashes = inputs.manifestHashes();
    TokenizerRef tokenizer = new TokenizerRef(spec.tokenizer(), spec.eos(), spec.bos(),
        hadoopConf);
    TokenizerIdentity identity = tokenizer.identity();
    LOG.info("mix {}: tokenizer {} (vocabulary {}, EOS {}, BOS {})", spec.name(),
        identity.name(), identity.vocabSize(), identity.eosId(), identity.bosId());

    Dataset<Row> tokenized = TokenizedDocuments.of(spark, sources, tokenizer)
        .persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<Row> ordered = null;
    try {
      spark.sparkContext().setJobDescription("mix: tokenize and count the sources");
      Sampling.Available[] available = Sampling.available(tokenized, sources.size());
      Sampling.Plan plan = Sampling.plan(tokenized, spec, available);

      MixVersions versions = new MixVersions(root, conf);
      int version = versions.claimNext(spec.name());
      Path directory = versions.dir(spec.name(), version);
      LOG.info("mix {}: writing {}", spec.name(), directory);

      Dataset<Row> copies = Sampling.copies(tokenized, plan);
      ShardAssignment.Result placed = ShardAssignment.assign(copies, spec.tokensPerShard());
      ordered = placed.sorted();
      Dataset<Row> placedRows = spark.createDataFrame(placed.placed(), PLACED);
      List<WriteShards.Summary> shards = writeShards(spark, tokenized, placed,
          directory.toString(), hadoopConf, spec, sources, datasets, identity);
      shards = new ArrayList<>(shards);
      shards.sort(Comparator.comparingInt(WriteShards.Summary::shard));

      spark.sparkContext().setJobDescription("mix: count what each source gave");
      List<Row> taken = placedRows.groupBy(col(TokenizedDocuments.SOURCE))
          .agg(count(col(DocumentSchema.ID)), sum(col(TokenizedDocuments.TOKEN_COUNT)),
              max(col(Sampling.EPOCH)))
          .collectAsList();
      Map<String, Object> manifest = MixManifest.of(spark, spec, MixVersions.label(version),
          identity, datasets, manifestHashes, available, plan, taken, shards);
      manifest.put("accounting", MixAccounting.of(spark, sources, datasets, placedRows));
      // The same names as the other stages' manifests, for timings across a run.
      manifest.put("job", "mix");
      manifest.put("started_at", started.toString());
      manifest.put("finished_at", Instant.now().toString());
      FileSystem fs = directory.getFileSystem(conf);
      try (OutputStream out = fs.create(new Path(directory, MANIFEST), true)) {
        out.write(Json.pretty(manifest).getBytes(StandardCharsets.UTF_8));
      }
      fs.create(new Path(directory, MixVersions.SUCCESS), true).close();
      long documents = shards.stream().mapToLong(WriteShards.Summary::documents).sum();
      long tokens = shards.stream().mapToLong(WriteShards.Summary::tokens).sum();
      return new Result(spec.name(), version, directory.toString(), documents, tokens,
          shards.size(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the mix " + spec.name(), e);
    } finally {
      tokenized.unpersist();
      if (ordered != null) {
        ordered.unpersist();
      }
    }
  }

  /** The placed copies: source, id, epoch, token_count, mix offset, position. */
  static final String MIX_OFFSET = "mix_offset";
  static final StructType PLACED = new StructType()
      .add(TokenizedDocuments.SOURCE, DataTypes.IntegerType, false)
      .add(DocumentSchema.ID, DataTypes.StringType, false)
      .add(Sampling.EPOCH, DataTypes.IntegerType, false)
      .add(TokenizedDocuments.TOKEN_COUNT, DataTypes.IntegerType, false)
      .add(MIX_OFFSET, DataTypes.LongType, false)
      .add(TokenizedDocuments.POSITION, DataTypes.LongType, false);

  private static List<WriteShards.Summary> writeShards(SparkSession spark,
      Dataset<Row> tokenized, ShardAssignment.Result assignment, String directory,
      SerializableHadoopConf hadoopConf, MixSpec spec, List<MixSource> sources,
      String[] datasets, TokenizerIdentity identity) {
    spark.sparkContext().setJobDescription("mix: write the shards");
    for (MixSpec.Format format : spec.formats()) {
      LOG.info("mix {}: {} tokens as {}", spec.name(), format,
          format.dtype(identity.vocabSize()));
    }
    JavaPairRDD<Long, Row> byOffset = PlacedTokens.of(tokenized, assignment.placed());
    String[] names = sources.stream().map(MixSource::name).toArray(String[]::new);
    return byOffset.repartitionAndSortWithinPartitions(
            new ShardPartitioner(assignment.shardStarts()))
        .mapPartitions(new WriteShards(directory, hadoopConf, spec.formats(),
            assignment.shardStarts(), names, datasets, identity.vocabSize()))
        .collect();
  }

  /** Reads a committed version's manifest. */
  public static JsonNode manifest(String versionDirectory, Configuration conf) {
    Path path = new Path(versionDirectory, MANIFEST);
    try (var in = path.getFileSystem(conf).open(path)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
