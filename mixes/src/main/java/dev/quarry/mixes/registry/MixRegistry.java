package dev.quarry.mixes.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * The read side of the mixes under a root: what exists ({@link #list}), one version's
 * manifest ({@link #manifest}), what changed between two ({@link #diff}) and where a token came
 * from ({@link #trace}). No Spark: these read manifests and one shard's index.
 */
public final class MixRegistry {
  private final MixVersions versions;
  private final Configuration conf;

  public MixRegistry(String root, Configuration conf) {
    this.versions = new MixVersions(root, conf);
    this.conf = conf;
  }

  public MixVersions versions() {
    return versions;
  }

  /** One row of {@code mix list}: a version, committed or not, and its totals if it is. */
  public record Listed(String name, int version, boolean committed, long documents,
      long tokens, int shards, String createdAt) {}

  public List<Listed> list() {
    List<Listed> rows = new ArrayList<>();
    for (String name : versions.names()) {
      for (int version : versions.versions(name)) {
        if (versions.committed(name, version)) {
          JsonNode manifest = manifest(name, version);
          JsonNode totals = manifest.path("totals");
          rows.add(new Listed(name, version, true, totals.path("documents").asLong(),
              totals.path("tokens").asLong(), totals.path("shards").asInt(),
              manifest.path("created_at").asText()));
        } else {
          rows.add(new Listed(name, version, false, 0, 0, 0, ""));
        }
      }
    }
    return rows;
  }

  /** The version directory a ref names (its latest committed version without one). */
  public String directory(MixRef ref, String field) {
    return versions.dir(ref.name(), ref.resolve(versions, field)).toString();
  }

  public JsonNode manifest(MixRef ref, String field) {
    return manifest(ref.name(), ref.resolve(versions, field));
  }

  private JsonNode manifest(String name, int version) {
    Path path = new Path(versions.dir(name, version), "manifest.json");
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** What changed from one version to another, as lines for a person to read. */
  public static List<String> diff(JsonNode from, JsonNode to) {
    List<String> lines = new ArrayList<>();
    Map<String, String> specFrom = flatten(from.path("spec"));
    Map<String, String> specTo = flatten(to.path("spec"));
    TreeMap<String, String> keys = new TreeMap<>(specFrom);
    keys.putAll(specTo);
    for (String key : keys.keySet()) {
      String a = specFrom.get(key);
      String b = specTo.get(key);
      if (!Objects.equals(a, b)) {
        lines.add("spec " + key + ": " + (a == null ? "(none)" : a) + " -> "
            + (b == null ? "(none)" : b));
      }
    }
    if (!from.path("tokenizer").path("vocabulary_sha256").equals(
        to.path("tokenizer").path("vocabulary_sha256"))) {
      lines.add("tokenizer vocabulary changed: " + from.path("tokenizer").path("name").asText()
          + " -> " + to.path("tokenizer").path("name").asText());
    }
    Map<String, JsonNode> sourcesFrom = byName(from.path("sources"));
    Map<String, JsonNode> sourcesTo = byName(to.path("sources"));
    TreeSet<String> names = new TreeSet<>(sourcesFrom.keySet());
    names.addAll(sourcesTo.keySet());
    for (String name : names) {
      JsonNode a = sourcesFrom.get(name);
      JsonNode b = sourcesTo.get(name);
      if (a == null || b == null) {
        lines.add("source " + name + ": " + (a == null ? "added" : "removed"));
        continue;
      }
      long ta = a.path("tokens_taken").asLong();
      long tb = b.path("tokens_taken").asLong();
      if (ta != tb) {
        lines.add(String.format("source %s: tokens %,d -> %,d (%+,d)", name, ta, tb, tb - ta));
      }
      if (!a.path("dataset").equals(b.path("dataset"))) {
        lines.add("source " + name + ": dataset " + a.path("dataset").asText() + " -> "
            + b.path("dataset").asText());
      } else if (!a.path("dataset_manifest_sha256").equals(b.path("dataset_manifest_sha256"))) {
        lines.add("source " + name + ": input changed: " + a.path("dataset").asText()
            + " has another manifest (" + abbreviated(a) + " -> " + abbreviated(b) + ")");
      }
    }
    long da = from.path("totals").path("tokens").asLong();
    long db = to.path("totals").path("tokens").asLong();
    lines.add(String.format("total tokens %,d -> %,d (%+,d)", da, db, db - da));
    return lines;
  }

  private static String abbreviated(JsonNode source) {
    String sha = source.path("dataset_manifest_sha256").asText();
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  private static Map<String, JsonNode> byName(JsonNode sources) {
    Map<String, JsonNode> map = new TreeMap<>();
    sources.forEach(s -> map.put(s.path("name").asText(), s));
    return map;
  }

  /** A JSON tree as path → value ("sources[0].tokens" → "1000"). */
  static Map<String, String> flatten(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    flatten("", node, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else if (!node.isNull() && !node.isMissingNode()) {
      out.put(prefix, node.asText());
    }
  }

  /** Where a token came from: the document and its place in the raw crawl. */
  public record Traced(int shard, long token, long documentOffset, int documentLength,
      String id, String source, String dataset, String datasetManifestSha256, int epoch,
      String url, String location) {}

  /** The document holding token {@code token} (0-based, in tokens) of shard {@code shard}. */
  public Traced trace(MixRef ref, int shard, long token) {
    int version = ref.resolve(versions, "mix");
    JsonNode manifest = manifest(ref.name(), version);
    JsonNode entry = null;
    for (JsonNode s : manifest.path("shards")) {
      if (s.path("shard").asInt() == shard) {
        entry = s;
      }
    }
    if (entry == null) {
      throw new ConfigException("--shard", "shard " + shard + " is not in " + ref.name() + "@"
          + MixVersions.label(version) + " (it has " + manifest.path("shards").size()
          + " shards, from 0)");
    }
    if (token < 0 || token >= entry.path("tokens").asLong()) {
      throw new ConfigException("--token", "shard " + shard + " holds tokens 0 to "
          + (entry.path("tokens").asLong() - 1) + " (got " + token + ")");
    }
    Path index = new Path(versions.dir(ref.name(), version), VersionFiles.index(shard));
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), index)
        .withConf(conf).build()) {
      for (Group row = reader.read(); row != null; row = reader.read()) {
        long offset = row.getLong("offset", 0);
        int length = row.getInteger("length", 0);
        if (token >= offset && token < offset + length) {
          String source = row.getString("source", 0);
          String sha = "";
          for (JsonNode s : manifest.path("sources")) {
            if (s.path("name").asText().equals(source)) {
              sha = s.path("dataset_manifest_sha256").asText();
            }
          }
          return new Traced(shard, token, offset, length, row.getString("id", 0), source,
              row.getString("dataset", 0), sha, row.getInteger("epoch", 0),
              optional(row, "url"), optional(row, "location"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + index, e);
    }
    throw new IllegalStateException(index + " covers no document holding token " + token
        + ": run quarry mix verify on the version");
  }

  private static String optional(Group row, String field) {
    return row.getFieldRepetitionCount(field) == 0 ? null : row.getString(field, 0);
  }
}
