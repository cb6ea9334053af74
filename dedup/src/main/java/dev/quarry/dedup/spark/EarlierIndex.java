package dev.quarry.dedup.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.DocumentKeys;
import dev.quarry.dedup.minhash.LshParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The keys of documents kept by earlier dedup runs, for incremental dedup: every dedup output
 * holds, in {@value #DIR}, the exact key, URL key, signature and band keys of the documents it
 * kept, committed with its manifest. A new run given earlier outputs with {@code --index}
 * compares its documents with theirs without reading their text again; the earlier documents
 * always win (they are already in published data) and are never removed.
 *
 * <p>Signatures and band keys are comparable only when made the same way, so an earlier output
 * must have used the same hash family, hashes, banding, shingle size, seed and exact-key normalisation; a
 * mismatch is a config error naming the option.
 */
public final class EarlierIndex {
  /** Where a dedup output keeps the keys of its kept documents. */
  public static final String DIR = "_index";

  private EarlierIndex() {}

  /** The manifest hash of a committed dedup output usable as an index for {@code options}. */
  static JsonNode checkedManifest(SparkSession spark, String uri, DedupOptions options,
      String field) {
    OutputDir dir = new OutputDir(uri, spark.sparkContext().hadoopConfiguration());
    JsonNode manifest = dir.committedManifest().orElseThrow(() -> new ConfigException(field,
        "'" + uri + "' is not a committed Quarry output (no _SUCCESS and manifest.json)"));
    if (!"dedup".equals(manifest.path("job").asText())) {
      throw new ConfigException(field, "'" + uri + "' is a " + manifest.path("job").asText()
          + " output; an index must be the output of an earlier dedup run");
    }
    JsonNode earlier = manifest.path("config").path("options");
    JsonNode lsh = manifest.path("stats").path("lsh");
    LshParameters now = options.lsh();
    // An index from before the family was recorded has none: it was made with another one.
    String family = lsh.path("hash_family").asText("an older, unrecorded one");
    if (!DocumentKeys.HASH_FAMILY.equals(family)) {
      throw new ConfigException(field, "'" + uri + "' was made with the hash family "
          + family + " and this version of Quarry makes " + DocumentKeys.HASH_FAMILY + ": their "
          + "signatures cannot be compared; dedup without this index, or dedup the earlier data "
          + "again to make a new one");
    }
    Map<String, Object[]> compared = new LinkedHashMap<>();
    compared.put("num_hashes", new Object[] {lsh.path("num_hashes").asInt(), now.numHashes()});
    compared.put("bands", new Object[] {lsh.path("bands").asInt(), now.bands()});
    compared.put("rows", new Object[] {lsh.path("rows").asInt(), now.rows()});
    compared.put("ngram", new Object[] {earlier.path("ngram").asInt(), options.ngram()});
    compared.put("seed", new Object[] {earlier.path("seed").asLong(), options.seed()});
    compared.put("lowercase", new Object[] {earlier.path("lowercase").asBoolean(),
        options.lowercase()});
    compared.put("fold_whitespace", new Object[] {earlier.path("fold_whitespace").asBoolean(),
        options.foldWhitespace()});
    compared.put("url_dedup", new Object[] {earlier.path("url_dedup").asBoolean(),
        options.urlDedup()});
    compared.forEach((name, values) -> {
      if (!values[0].equals(values[1])) {
        throw new ConfigException(name, "must be " + values[0] + " as in the index '" + uri
            + "' (got " + values[1] + "): signatures and keys made differently cannot be "
            + "compared; dedup with the index's settings or without the index");
      }
    });
    return manifest;
  }

  /** The earlier output's kept keys: id, exact, url_key, signature, bands. */
  static Dataset<Row> read(SparkSession spark, String uri) {
    String[] files = Datasets.parquetFiles(spark,
        new OutputDir(uri, spark.sparkContext().hadoopConfiguration()).uri() + "/" + DIR);
    return files.length == 0 ? spark.createDataFrame(java.util.List.of(), DedupJob.KEYS)
        : spark.read().schema(DedupJob.KEYS).parquet(files);
  }
}
