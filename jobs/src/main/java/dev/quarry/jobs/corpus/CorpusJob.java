package dev.quarry.jobs.corpus;

import dev.quarry.core.config.ByteSize;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.spark.SerializableHadoopConf;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.stats.Stats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gen-corpus}: a synthetic crawl of a given size, written in parallel — one Spark task per
 * shard, each generating its own range of pages. The page count comes from the average size of
 * a fixed calibration sample of pages in the chosen format, so the corpus lands within a few per
 * cent of the size asked for, and the same spec always gives the same pages, shards and bytes.
 */
public final class CorpusJob {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusJob.class);
  /** Pages generated (not kept) to learn the average bytes per page in the format. */
  static final int CALIBRATION_PAGES = 2000;

  private CorpusJob() {}

  /** What to generate; also the config recorded in the manifest. */
  public record Spec(long sizeBytes, CorpusFiles.Format format, long seed, long shardBytes,
      String languages, String kinds, String nearDuplicateSimilarity)
      implements java.io.Serializable {

    public CorpusMix mix() {
      return CorpusMix.parse(languages, kinds, nearDuplicateSimilarity);
    }

    public void validate() {
      mix();
      if (shardBytes < 100_000) {
        throw new ConfigException("shard_size", "must be at least 100KB (got "
            + ByteSize.format(shardBytes) + ")");
      }
    }
  }

  /** How the pages are split: pages [start(i), start(i+1)) go to shard i. */
  record Plan(int pages, int shards, double bytesPerPage) implements java.io.Serializable {
    int start(int shard) {
      return (int) ((long) pages * shard / shards);
    }
  }

  public static StageRunner.Result run(SparkSession spark, Spec spec, String output,
      boolean overwrite) {
    spec.validate();
    return StageRunner.run(spark, "gen-corpus", spec, List.of(), output, overwrite,
        temporary -> write(spark, spec, temporary));
  }

  static Plan plan(Spec spec) {
    CorpusFiles files = new CorpusFiles(spec.seed(), spec.mix(), CorpusFiles.SYNTHETIC_CRAWL);
    CountingStream counter = new CountingStream();
    try {
      files.write(spec.format(), counter, "calibration" + spec.format().extension, 0,
          CALIBRATION_PAGES, false, page -> { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double perPage = counter.count / (double) CALIBRATION_PAGES;
    int pages = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1,
        Math.round(spec.sizeBytes() / perPage)));
    int shards = (int) Math.max(1, Math.min(pages,
        (spec.sizeBytes() + spec.shardBytes() - 1) / spec.shardBytes()));
    return new Plan(pages, shards, perPage);
  }

  private static StageRunner.Outcome write(SparkSession spark, Spec spec, String temporary) {
    Plan plan = plan(spec);
    LOG.info("gen-corpus: {} pages of about {} each in {} shard(s) of {}", plan.pages(),
        ByteSize.format(Math.round(plan.bytesPerPage())), plan.shards(), spec.format());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Integer> shards = IntStream.range(0, plan.shards()).boxed().toList();
    Stats stats = jsc.parallelize(shards, shards.size())
        .map(new WriteShard(spec, plan, temporary,
            new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration())))
        .reduce(Stats::merge);
    long pages = stats.counter("pages");
    Map<String, Object> summary = new LinkedHashMap<>(stats.summary());
    summary.put("shards", plan.shards());
    summary.put("calibration_bytes_per_page", Math.round(plan.bytesPerPage()));
    return new StageRunner.Outcome(new Accounting(plan.pages(), pages, Map.of(), Map.of()),
        summary);
  }

  /** One task: writes shard {@code i}'s data file and its truth files. */
  private static final class WriteShard implements Function<Integer, Stats> {
    private final Spec spec;
    private final Plan plan;
    private final String directory;
    private final SerializableHadoopConf conf;

    WriteShard(Spec spec, Plan plan, String directory, SerializableHadoopConf conf) {
      this.spec = spec;
      this.plan = plan;
      this.directory = directory;
      this.conf = conf;
    }

    @Override
    public Stats call(Integer shard) throws IOException {
      CorpusFiles files = new CorpusFiles(spec.seed(), spec.mix(), CorpusFiles.SYNTHETIC_CRAWL);
      String name = String.format("part-%05d%s", shard, spec.format().extension);
      String suffix = String.format("-%05d", shard);
      Stats stats;
      try (TruthWriter truth = new TruthWriter(conf.get(), directory + "/truth", suffix);
          OutputStream out = CorpusFiles.create(conf.get(), directory + "/" + name)) {
        files.write(spec.format(), out, name, plan.start(shard), plan.start(shard + 1), false,
            truth);
        stats = truth.stats();
      }
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(directory + "/" + name);
      return stats.add("data_bytes", file.getFileSystem(conf.get()).getFileStatus(file).getLen());
    }
  }

  /** Counts bytes and throws them away. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
