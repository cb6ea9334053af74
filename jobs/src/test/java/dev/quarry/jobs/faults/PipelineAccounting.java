package dev.quarry.jobs.faults;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The accounting identity over every stage of a committed pipeline, checked against the data
 * and not only the manifests: every raw record (counted in the raw files themselves) is kept,
 * rejected with a reason or counted as an error, at every stage; each stage's records in are
 * the rows its input holds; the rows in each output, {@code _rejected/}, {@code _errors/} and
 * dedup's cluster table are what the manifest says, reason by reason; and every document dedup
 * kept is in the mix or counted by the mix's manifest with why it is not.
 */
public final class PipelineAccounting {
  private final SparkSession spark = TestSpark.session();
  private final Path work;

  private PipelineAccounting(Path work) {
    this.work = work;
  }

  /** Checks the pipeline committed in {@code work} with these ingest sources. */
  public static void check(Path work, String... sources) {
    new PipelineAccounting(work).checkAll(List.of(sources));
  }

  public static JsonNode manifest(Path output) {
    try {
      return Json.mapper().readTree(output.resolve("manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkAll(List<String> sources) {
    long filtered = 0;
    for (String source : sources) {
      long ingested = ingest(work.resolve("ingest").resolve(source));
      filtered += filter(work.resolve("filter").resolve(source), ingested);
    }
    mix(dedup(work.resolve("dedup"), filtered));
  }

  /** Returns the documents kept. */
  private long ingest(Path output) {
    JsonNode manifest = manifest(output);
    JsonNode accounting = balanced(output, manifest);
    long raw = 0;
    for (JsonNode input : manifest.path("inputs")) {
      Path file = Path.of(URI.create(input.path("path").asText()).getPath());
      try {
        raw += RawRecords.count(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(accounting.path("records_in").asLong()).as("%s: records_in vs the raw records "
        + "of its input files", output).isEqualTo(raw);
    // Records that are not documents (WARC requests, metadata, warcinfo) are counted only.
    Map<String, Long> written = counts(accounting.path("rejected")).entrySet().stream()
        .filter(e -> !e.getKey().startsWith("skipped_"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum,
            TreeMap::new));
    assertThat(byReason(output.resolve("_rejected"), "reject_reason"))
        .as("%s/_rejected by reason", output).isEqualTo(written);
    return documentsAndErrors(output, accounting);
  }

  private long filter(Path output, long input) {
    JsonNode manifest = fed(output, input);
    JsonNode accounting = manifest.path("accounting");
    JsonNode chain = manifest.path("config").path("chain");
    rejectedAsConfigured(output, accounting, chain.path("rejected").asText(),
        chain.path("rejected_per_reason").asInt());
    return documentsAndErrors(output, accounting);
  }

  private long dedup(Path output, long input) {
    JsonNode manifest = fed(output, input);
    JsonNode accounting = manifest.path("accounting");
    // The cluster table names every dropped copy with its reason.
    Dataset<Row> clusters = spark.read().parquet(output.resolve("_clusters").toString());
    assertThat(byReason(clusters.filter(col("kept").equalTo(false)
            .and(col("earlier").equalTo(false))), "reason"))
        .as("%s/_clusters: dropped copies by reason", output)
        .isEqualTo(counts(accounting.path("rejected")));
    JsonNode options = manifest.path("config").path("options");
    rejectedAsConfigured(output, accounting, options.path("rejected").asText(),
        options.path("rejected_per_reason").asInt());
    return documentsAndErrors(output, accounting);
  }

  private void mix(long deduplicated) {
    Path version = latestVersion();
    JsonNode manifest = manifest(version);
    Dataset<Row> index = spark.read().parquet(version.resolve("index").toString());
    assertThat(index.count()).as("%s: index rows", version)
        .isEqualTo(manifest.path("totals").path("documents").asLong());
    JsonNode accounting = manifest.path("accounting");
    assertThat(accounting).as("%s: one input dataset", version).hasSize(1);
    JsonNode dedup = accounting.get(0);
    assertThat(dedup.path("dataset").asText()).endsWith("/dedup");
    assertThat(dedup.path("documents").asLong()).as("%s: documents of the dedup output",
        version).isEqualTo(deduplicated);
    long inMix = index.select("id").distinct().count();
    assertThat(dedup.path("in_mix").asLong()).as("%s: distinct documents in the index",
        version).isEqualTo(inMix);
    assertThat(index.select("id").distinct().join(documents(work.resolve("dedup")).select("id"),
            new String[] {"id"}, "left_anti").count())
        .as("%s: documents in the mix that dedup did not keep", version).isZero();
    long notTaken = 0;
    for (JsonNode n : dedup.path("not_taken")) {
      notTaken += n.asLong();
    }
    assertThat(inMix + notTaken).as("%s: in the mix + not taken (%s)", version,
        dedup.path("not_taken")).isEqualTo(deduplicated);
  }

  private Path latestVersion() {
    try (Stream<Path> versions = Files.list(work.resolve("mixes"))
        .flatMap(PipelineAccounting::children)) {
      return versions.filter(v -> Files.exists(v.resolve("_SUCCESS")))
          .max(Comparator.comparing(Path::toString)).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> children(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest of a stage that read {@code input} documents; its accounting balances. */
  private static JsonNode fed(Path output, long input) {
    JsonNode manifest = manifest(output);
    assertThat(balanced(output, manifest).path("records_in").asLong())
        .as("%s: records_in vs its input's documents", output).isEqualTo(input);
    return manifest;
  }

  /** The manifest's accounting, which must balance. */
  private static JsonNode balanced(Path output, JsonNode manifest) {
    JsonNode a = manifest.path("accounting");
    long parts = a.path("kept").asLong() + a.path("rejected_total").asLong()
        + a.path("errors_total").asLong();
    assertThat(a.path("records_in").asLong()).as("%s: records_in = kept + rejected + errors "
        + "(%s)", output, a).isEqualTo(parts);
    assertThat(counts(a.path("rejected")).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(a.path("rejected_total").asLong());
    assertThat(counts(a.path("errors")).values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(a.path("errors_total").asLong());
    return a;
  }

  /** Checks the document rows and {@code _errors/} against the accounting; returns kept. */
  private long documentsAndErrors(Path output, JsonNode accounting) {
    long kept = accounting.path("kept").asLong();
    assertThat(documents(output).count())
        .as("%s: document rows", output).isEqualTo(kept);
    assertThat(byReason(output.resolve("_errors"), "reason")).as("%s/_errors by reason", output)
        .isEqualTo(counts(accounting.path("errors")));
    return kept;
  }

  /** {@code _rejected/} holds every dropped document, a sample per reason, or none. */
  private void rejectedAsConfigured(Path output, JsonNode accounting, String mode,
      int perReason) {
    Map<String, Long> expected = new TreeMap<>();
    counts(accounting.path("rejected")).forEach((reason, n) -> {
      long rows = switch (mode.toLowerCase(java.util.Locale.ROOT)) {
        case "all" -> n;
        case "sample" -> Math.min(n, perReason);
        case "none" -> 0;
        default -> throw new AssertionError(output + ": rejected mode '" + mode + "'");
      };
      if (rows > 0) {
        expected.put(reason, rows);
      }
    });
    assertThat(byReason(output.resolve("_rejected"), "reject_reason"))
        .as("%s/_rejected by reason (%s)", output, mode).isEqualTo(expected);
  }

  private Dataset<Row> documents(Path output) {
    return spark.read().parquet(Datasets.parquetFiles(spark, output.toUri().toString()));
  }

  /** Rows by reason; none when the stage wrote no such directory (dedup has no _errors/). */
  private Map<String, Long> byReason(Path dir, String column) {
    if (!Files.isDirectory(dir)) {
      return Map.of();
    }
    return byReason(spark.read().parquet(dir.toString()), column);
  }

  private static Map<String, Long> byReason(Dataset<Row> rows, String column) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row r : rows.groupBy(column).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new TreeMap<>();
    object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }
}
