package dev.quarry.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.mixes.spark.MixJob;
import dev.quarry.mixes.spec.MixSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The mix stage as {@code quarry mix create} runs it: the spec of {@code --mix-spec} (default
 * {@code conf/mixes/bench.yaml}) with {@code ${input}} set to the input dataset, into a fresh
 * mix root. It is the last stage: nothing reads its output. Records in are the documents the
 * sources offered; kept, the documents in the mix (copies counted). The result's {@code extra}
 * holds the mix's tokens and shards and the UTF-8 bytes of text the sources offered (from the
 * manifest), so that MB/s of text can be set beside MB/s of Parquet input.
 */
public final class MixBenchmark implements StageBenchmark {
  public static final Path DEFAULT_SPEC = Path.of("conf/mixes/bench.yaml");

  private final Path specFile;

  public MixBenchmark(Path specFile) {
    this.specFile = specFile;
  }

  /** The same benchmark with another spec file. */
  public MixBenchmark withSpec(Path other) {
    return new MixBenchmark(other);
  }

  @Override
  public String name() {
    return "mix";
  }

  @Override
  public Measured run(SparkSession spark, BenchInput input, String output) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String dataset = FilterBenchmark.wholeDataset(conf, input, name());
    MixSpec spec = MixSpec.load(specFile).withVariables(Map.of("input", dataset));
    MixJob.Result result = MixJob.create(spark, spec, output);
    long documents = 0;
    long textBytes = 0;
    for (JsonNode source : MixJob.manifest(result.directory(), conf).path("sources")) {
      documents += source.path("documents_available").asLong();
      textBytes += source.path("text_bytes_available").asLong();
    }
    Map<String, Long> extra = new LinkedHashMap<>();
    extra.put("text_bytes", textBytes);
    extra.put("mix_documents", result.documents());
    extra.put("mix_tokens", result.tokens());
    extra.put("mix_shards", (long) result.shards());
    return new Measured(documents, result.documents(), null, null, extra);
  }

  @Override
  public BenchInput outputAsInput(Configuration conf, String output) {
    throw new UnsupportedOperationException("mix is the last stage: its output is token"
        + " shards, not documents another stage reads");
  }

  @Override
  public Map<String, Baseline> baselines() {
    return Map.of();
  }
}
