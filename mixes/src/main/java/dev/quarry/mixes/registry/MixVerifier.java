package dev.quarry.mixes.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.mixes.shards.ChecksumInputStream;
import dev.quarry.mixes.shards.MegatronIndex;
import dev.quarry.mixes.shards.MegatronShardReader;
import dev.quarry.mixes.shards.OlmoCsv;
import dev.quarry.mixes.shards.OlmoRow;
import dev.quarry.mixes.shards.OlmoShardReader;
import dev.quarry.mixes.shards.TokenDtype;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * {@code quarry mix verify}: re-reads every file of a version and checks it against the format
 * and the manifest — sizes and SHA-256, Megatron's index invariants, OLMo's rows, every
 * document ending with the manifest's EOS id, documents and tokens per shard and in total, and
 * each shard's index row count. Every problem found is listed; none means the version is
 * exactly what its manifest says.
 */
public final class MixVerifier {
  private MixVerifier() {}

  /** What was checked, and what is wrong (empty when nothing is). */
  public record Report(int shards, long documents, long tokens, long bytesRead,
      List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Report verify(String versionDirectory, Configuration conf) throws IOException {
    Path dir = new Path(versionDirectory);
    // A private instance with the local file system's .crc checks off: a damaged file is then
    // reported by its SHA-256 like on any other file system, instead of failing the read.
    try (FileSystem fs = FileSystem.newInstance(dir.toUri(), conf)) {
      fs.setVerifyChecksum(false);
      return verify(fs, dir, conf);
    }
  }

  private static Report verify(FileSystem fs, Path dir, Configuration conf) throws IOException {
    List<String> problems = new ArrayList<>();
    if (!fs.exists(new Path(dir, MixVersions.SUCCESS))) {
      problems.add("no " + MixVersions.SUCCESS + ": the version was never committed");
    }
    Path manifestPath = new Path(dir, "manifest.json");
    if (!fs.exists(manifestPath)) {
      problems.add("no manifest.json");
      return new Report(0, 0, 0, 0, problems);
    }
    JsonNode manifest;
    try (InputStream in = fs.open(manifestPath)) {
      manifest = dev.quarry.core.config.Json.mapper().readTree(in);
    }
    int eos = manifest.path("tokenizer").path("eos_id").asInt();
    long documents = 0;
    long tokens = 0;
    long bytesRead = 0;
    for (JsonNode shard : manifest.path("shards")) {
      String label = "shard " + shard.path("shard").asInt();
      long shardDocs = shard.path("documents").asLong();
      long shardTokens = shard.path("tokens").asLong();
      for (JsonNode file : shard.path("files")) {
        String relative = file.path("path").asText();
        Path path = new Path(dir, relative);
        if (!fs.exists(path)) {
          problems.add(label + ": " + relative + " is missing");
          continue;
        }
        long bytes = fs.getFileStatus(path).getLen();
        bytesRead += bytes;
        if (bytes != file.path("bytes").asLong()) {
          problems.add(label + ": " + relative + " has " + bytes + " bytes, the manifest says "
              + file.path("bytes").asLong());
        }
        // One read per file: the content checks run on the stream that is being hashed.
        String sha;
        try (ChecksumInputStream in = new ChecksumInputStream(fs.open(path))) {
          if (relative.endsWith(".bin")) {
            checkMegatron(fs, dir, relative, in, manifest, eos, shardDocs, shardTokens, label,
                problems);
          } else if (relative.endsWith(".npy")) {
            checkOlmo(fs, dir, relative, in, manifest, eos, shardDocs, shardTokens, label,
                problems);
          }
          sha = in.finish().sha256();
        }
        if (!sha.equals(file.path("sha256").asText())) {
          problems.add(label + ": " + relative + " has SHA-256 " + sha + ", the manifest says "
              + file.path("sha256").asText());
        }
        if (relative.endsWith(".parquet")) {
          long rows;
          try (ParquetFileReader reader = ParquetFileReader.open(
              HadoopInputFile.fromPath(path, conf))) {
            rows = reader.getRecordCount();
          }
          if (rows != shardDocs) {
            problems.add(label + ": " + relative + " indexes " + rows + " documents, the "
                + "manifest says " + shardDocs);
          }
        }
      }
      documents += shardDocs;
      tokens += shardTokens;
    }
    JsonNode totals = manifest.path("totals");
    if (totals.path("documents").asLong() != documents || totals.path("tokens").asLong() != tokens) {
      problems.add("the manifest's totals (" + totals.path("documents").asLong() + " documents, "
          + totals.path("tokens").asLong() + " tokens) are not the sum of its shards ("
          + documents + ", " + tokens + ")");
    }
    return new Report(manifest.path("shards").size(), documents, tokens, bytesRead, problems);
  }

  /** Checks a Megatron shard: its .idx (read here; small) and the .bin being read. */
  private static void checkMegatron(FileSystem fs, Path dir, String binPath, InputStream bin,
      JsonNode manifest, int eos, long documents, long tokens, String label,
      List<String> problems) throws IOException {
    String idxPath = binPath.substring(0, binPath.length() - ".bin".length()) + ".idx";
    if (!fs.exists(new Path(dir, idxPath))) {
      return; // reported with the manifest's file list
    }
    byte[] idxBytes;
    try (InputStream in = fs.open(new Path(dir, idxPath))) {
      idxBytes = in.readAllBytes();
    }
    long binBytes = fs.getFileStatus(new Path(dir, binPath)).getLen();
    List<String> found = MegatronIndex.check(new java.io.ByteArrayInputStream(idxBytes), binBytes);
    found.forEach(p -> problems.add(label + ": " + idxPath + ": " + p));
    if (!found.isEmpty()) {
      return;
    }
    MegatronIndex index = MegatronIndex.parse(idxBytes);
    String dtype = manifest.path("formats").path("megatron").path("dtype").asText();
    if (!index.dtype().toString().equalsIgnoreCase(dtype)) {
      problems.add(label + ": " + idxPath + " stores " + index.dtype() + ", the manifest says "
          + dtype);
    }
    if (index.sequenceCount() != documents || index.totalTokens() != tokens) {
      problems.add(label + ": " + idxPath + " holds " + index.sequenceCount() + " documents and "
          + index.totalTokens() + " tokens, the manifest says " + documents + " and " + tokens);
    }
    new MegatronShardReader(index, bin).forEachDocument((i, ids, length) -> {
      if (ids[length - 1] != eos) {
        problems.add(label + ": " + binPath + ": document " + i + " ends with token "
            + ids[length - 1] + ", not the EOS id " + eos);
      }
    });
  }

  /** Checks an OLMo shard: its .csv.gz (read here; small) and the .npy being read. */
  private static void checkOlmo(FileSystem fs, Path dir, String npyPath, InputStream npy,
      JsonNode manifest, int eos, long documents, long tokens, String label,
      List<String> problems) throws IOException {
    String csvPath = npyPath.substring(0, npyPath.length() - ".npy".length()) + ".csv.gz";
    Path csv = new Path(dir, csvPath);
    if (!fs.exists(csv)) {
      return;
    }
    TokenDtype dtype = TokenDtype.valueOf(manifest.path("formats").path("olmo").path("dtype")
        .asText().toUpperCase());
    List<OlmoRow> rows;
    try (InputStream in = fs.open(csv)) {
      rows = OlmoCsv.read(in);
    }
    OlmoShardReader.problems(rows, npy, dtype, eos)
        .forEach(p -> problems.add(label + ": " + npyPath + ": " + p));
    long rowTokens = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).end();
    if (rows.size() != documents || rowTokens != tokens) {
      problems.add(label + ": " + csvPath + " lists " + rows.size() + " documents and "
          + rowTokens + " tokens, the manifest says " + documents + " and " + tokens);
    }
  }
}
