package dev.quarry.jobs.report;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.Document;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.Datasets;
import dev.quarry.filters.pii.PiiStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * A few rejected documents per stage and reason, read from the outputs' {@code _rejected/}: the
 * first by id of each reason, with the start of the text. Texts and URLs are put through the
 * PII scrubber with every type redacted before they reach the report, whatever the chain did
 * (ingest's rejects were never scrubbed, and a chain may keep some types).
 */
public final class RejectedSamples {
  /** Characters of text shown per sample. */
  public static final int EXCERPT_CHARS = 600;
  private static final String EXCERPT = "_excerpt";
  private static final String CHARS = "_chars";

  private final SparkSession spark;
  private final int perReason;
  private final PiiStep scrubber = new PiiStep(PiiStep.Params.defaults());

  public RejectedSamples(SparkSession spark, int perReason) {
    this.spark = spark;
    this.perReason = perReason;
  }

  /**
   * Per stage (pipeline order) and reason (most removed first): the reason, the stage's count
   * for it, and up to {@code perReason} samples; reasons with no sample kept get none.
   */
  public ArrayNode of(List<StageManifest> stages) {
    ArrayNode out = Json.mapper().createArrayNode();
    if (perReason <= 0) {
      return out;
    }
    for (String stage : List.of("ingest", "filter", "dedup")) {
      Map<String, Long> counts = new TreeMap<>();
      Map<String, List<ObjectNode>> samples = new TreeMap<>();
      for (StageManifest s : stages) {
        if (!s.stage().equals(stage)) {
          continue;
        }
        s.manifest().path("accounting").path("rejected").properties().forEach(e -> {
          if (!e.getKey().startsWith(ReportBuilder.SKIPPED_PREFIX)) {
            counts.merge(e.getKey(), e.getValue().asLong(), Long::sum);
          }
        });
        read(s).forEach((reason, rows) ->
            samples.computeIfAbsent(reason, k -> new ArrayList<>()).addAll(rows));
      }
      ReportBuilder.largestFirst(counts).forEach((reason, count) -> {
        ObjectNode group = out.addObject();
        group.put("stage", stage);
        group.put("reason", reason);
        group.put("count", count);
        ArrayNode documents = group.putArray("documents");
        samples.getOrDefault(reason, List.of()).stream()
            .sorted(Comparator.comparing((ObjectNode d) -> d.path("id").asText()))
            .limit(perReason).forEach(documents::add);
      });
    }
    return out;
  }

  /** The first {@code perReason} rejects by id of each reason in one output's _rejected/. */
  private Map<String, List<ObjectNode>> read(StageManifest stage) {
    Map<String, List<ObjectNode>> out = new LinkedHashMap<>();
    String[] files = Datasets.parquetFiles(spark, stage.uri() + "/_rejected");
    if (files.length == 0) {
      return out;
    }
    Dataset<Row> rejected = spark.read().parquet(files);
    List<String> fields = Arrays.asList(rejected.schema().fieldNames());
    List<Column> columns = new ArrayList<>(List.of(col("id"), col("reject_reason")));
    for (String optional : List.of("source", "url", "lang", "reject_step", "cluster_id")) {
      if (fields.contains(optional)) {
        columns.add(col(optional));
      }
    }
    columns.add(functions.substring(col("text"), 1, EXCERPT_CHARS).as(EXCERPT));
    columns.add(functions.length(col("text")).as(CHARS));
    spark.sparkContext().setJobDescription("report: rejected samples of " + stage.label());
    List<Row> rows = Datasets.firstByIdPerKey(rejected.select(columns.toArray(Column[]::new)),
        "reject_reason", perReason).collectAsList();
    for (Row row : rows) {
      out.computeIfAbsent(row.getAs("reject_reason"), k -> new ArrayList<>())
          .add(sample(stage, row, fields));
    }
    return out;
  }

  private ObjectNode sample(StageManifest stage, Row row, List<String> fields) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("id", row.<String>getAs("id"));
    d.put("output", stage.name());
    if (fields.contains("source")) {
      d.put("source", row.<String>getAs("source"));
    }
    if (fields.contains("lang")) {
      d.put("lang", row.<String>getAs("lang"));
    }
    if (fields.contains("reject_step")) {
      d.put("step", row.<String>getAs("reject_step"));
    }
    if (fields.contains("cluster_id")) {
      Object cluster = row.getAs("cluster_id");
      d.put("cluster_id", cluster == null ? null : cluster.toString());
    }
    String url = fields.contains("url") ? row.getAs("url") : null;
    d.put("url", url == null ? null : scrubbed(url));
    String excerpt = row.getAs(EXCERPT);
    d.put("excerpt", excerpt == null ? null : scrubbed(excerpt));
    Object chars = row.getAs(CHARS);
    d.put("chars", chars == null ? 0 : ((Number) chars).longValue());
    return d;
  }

  /** {@code text} with every kind of PII the scrubber knows redacted. */
  String scrubbed(String text) {
    return scrubber.scrub(new Document("sample", text, null, "report", null, "report", null, null,
        null, null, null, null)).text();
  }
}
