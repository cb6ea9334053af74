package dev.quarry.mixes.spark;

import dev.quarry.core.QuarryBuild;
import dev.quarry.core.config.Json;
import dev.quarry.mixes.spec.MixSource;
import dev.quarry.mixes.spec.MixSpec;
import dev.quarry.mixes.tokenize.TokenizerIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lineage of one mix version ({@code manifest.json}): the resolved spec and its hash, the
 * Quarry build, the tokenizer's identity, each source's dataset and the SHA-256 of that
 * dataset's manifest (whose own inputs lead back to the raw crawl files), what each source had
 * and gave, every file's size and SHA-256, the totals, and when and by which Spark application
 * it was made. {@code quarry mix verify} checks the files against it.
 */
final class MixManifest {
  private MixManifest() {}

  static Map<String, Object> of(SparkSession spark, MixSpec spec, String version,
      TokenizerIdentity tokenizer, String[] datasets, String[] manifestHashes,
      Sampling.Available[] available, Sampling.Plan plan, List<Row> taken,
      List<WriteShards.Summary> shards) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("mix", spec.name());
    manifest.put("version", version);
    manifest.put("description", spec.description());
    manifest.put("spec", Json.tree(spec));
    manifest.put("spec_sha256", spec.hash());
    QuarryBuild build = QuarryBuild.current();
    manifest.put("quarry", ordered("version", build.version(), "git_commit", build.gitCommit()));
    Map<String, Object> tokenizerEntry = new LinkedHashMap<>();
    tokenizerEntry.put("name", tokenizer.name());
    tokenizerEntry.put("vocabulary_sha256", tokenizer.vocabularySha256());
    tokenizerEntry.put("vocab_size", tokenizer.vocabSize());
    tokenizerEntry.put("eos_id", tokenizer.eosId());
    tokenizerEntry.put("bos_id", tokenizer.bosId());
    manifest.put("tokenizer", tokenizerEntry);
    Map<String, Object> formats = new LinkedHashMap<>();
    for (MixSpec.Format format : spec.formats()) {
      formats.put(format.toString(), ordered("dtype",
          format.dtype(tokenizer.vocabSize()).toString().toLowerCase()));
    }
    manifest.put("formats", formats);

    long[] targets = spec.targets();
    long targetTotal = 0;
    for (long target : targets) {
      targetTotal += target;
    }
    long[] takenDocs = new long[targets.length];
    long[] takenTokens = new long[targets.length];
    for (Row row : taken) {
      takenDocs[row.getInt(0)] = row.getLong(1);
      takenTokens[row.getInt(0)] = row.getLong(2);
    }
    long tokensTotal = 0;
    for (long t : takenTokens) {
      tokensTotal += t;
    }
    List<Map<String, Object>> sources = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      MixSource source = spec.sources().get(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", source.name());
      entry.put("dataset", datasets[i]);
      entry.put("dataset_manifest_sha256", manifestHashes[i]);
      entry.put("filter", source.filter());
      entry.put("documents_available", available[i].documents());
      entry.put("tokens_available", available[i].tokens());
      entry.put("text_bytes_available", available[i].textBytes());
      entry.put("target_tokens", targets[i]);
      entry.put("documents_taken", takenDocs[i]);
      entry.put("tokens_taken", takenTokens[i]);
      entry.put("full_epochs", plan.epochs()[i].fullEpochs());
      entry.put("effective_epochs", round((double) takenTokens[i] / available[i].tokens()));
      entry.put("requested_share", round((double) targets[i] / targetTotal));
      entry.put("actual_share", round(tokensTotal == 0 ? 0 : (double) takenTokens[i]
          / tokensTotal));
      sources.add(entry);
    }
    manifest.put("sources", sources);
    List<Map<String, Object>> shardEntries = new ArrayList<>();
    long documents = 0;
    for (WriteShards.Summary shard : shards) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("shard", shard.shard());
      entry.put("documents", shard.documents());
      entry.put("tokens", shard.tokens());
      List<Map<String, Object>> files = new ArrayList<>();
      for (WriteShards.FileSummary file : shard.files()) {
        files.add(ordered("path", file.path(), "bytes", file.bytes(), "sha256", file.sha256()));
      }
      entry.put("files", files);
      shardEntries.add(entry);
      documents += shard.documents();
    }
    manifest.put("shards", shardEntries);
    manifest.put("totals", ordered("documents", documents, "tokens", tokensTotal, "shards",
        shards.size()));
    manifest.put("created_at", Instant.now().toString());
    manifest.put("spark_application_id", spark.sparkContext().applicationId());
    return manifest;
  }

  /** A map of the keys and values given, in that order (Map.of's order changes per JVM). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
