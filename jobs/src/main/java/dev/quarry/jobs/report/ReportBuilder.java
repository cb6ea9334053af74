package dev.quarry.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.config.Json;
import dev.quarry.filters.pii.PiiType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Builds {@code report.json} from the manifests of a run's outputs: the funnel from raw records
 * to mix tokens with every stage's removals by reason, languages, text lengths and scores before
 * and after filtering, dedup clusters, PII per type, the mix's tokens per source, and timings.
 * Everything is read from the manifests (exact counts taken from the data when each stage
 * committed); the rejected samples come in ready-made ({@link RejectedSamples}). Spark-free.
 */
public final class ReportBuilder {
  /** Version of the report.json layout (docs/report.md). */
  public static final int FORMAT = 1;
  /** Ingest reasons for WARC records that are not documents (requests, metadata, warcinfo). */
  static final String SKIPPED_PREFIX = "skipped_";
  /** Score histograms are drawn with at most this many bars (adjacent buckets merged). */
  static final int MAX_SCORE_BARS = 40;
  /** Languages drawn: the most frequent. */
  static final int MAX_LANGUAGES = 20;

  private final List<StageManifest> stages;

  public ReportBuilder(List<StageManifest> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one committed output");
    }
    this.stages = ReportInputs.sorted(stages);
  }

  /** The whole report; {@code run} may be null (a report of outputs, not of a run). */
  public ObjectNode build(String subject, RunRecord run, ArrayNode samples, Instant generatedAt) {
    ObjectNode report = Json.mapper().createObjectNode();
    ObjectNode about = report.putObject("report");
    about.put("format", FORMAT);
    about.put("generated_at", generatedAt.toString());
    about.put("subject", subject);
    about.put("title", title(run));
    JsonNode first = stages.get(stages.size() - 1).manifest();
    about.put("quarry_version", first.path("quarry_version").asText(
        first.path("quarry").path("version").asText("")));
    report.set("run", run == null ? null : Json.tree(run));
    ArrayNode table = stageTable();
    report.set("stages", table);
    report.set("funnel", funnel());
    report.set("languages", languages());
    report.set("lengths", lengths());
    report.set("scores", scores());
    report.set("dedup", dedup());
    report.set("pii", pii());
    report.set("mix", mix());
    report.set("timings", timings(table));
    report.set("samples", samples == null ? Json.mapper().createArrayNode() : samples);
    return report;
  }

  private String title(RunRecord run) {
    if (run != null) {
      return "run " + run.name() + " " + run.id();
    }
    StageManifest last = stages.get(stages.size() - 1);
    return last.label();
  }

  private List<StageManifest> of(String stage) {
    return stages.stream().filter(s -> s.stage().equals(stage)).toList();
  }

  private static long sum(List<StageManifest> outputs, String field) {
    return outputs.stream().mapToLong(s -> s.manifest().path("accounting").path(field).asLong())
        .sum();
  }

  // ---------------------------------------------------------------- stages and timings

  private ArrayNode stageTable() {
    ArrayNode table = Json.mapper().createArrayNode();
    for (StageManifest s : stages) {
      JsonNode m = s.manifest();
      ObjectNode row = table.addObject();
      row.put("stage", s.stage());
      row.put("name", s.name());
      row.put("label", s.label());
      row.put("uri", s.uri());
      row.put("outcome", s.outcome());
      row.put("started_at", m.path("started_at").asText(null));
      row.put("finished_at", m.path("finished_at").asText(null));
      double seconds = seconds(m);
      row.put("seconds", seconds);
      if (s.stage().equals("mix")) {
        long tokens = m.path("totals").path("tokens").asLong();
        row.put("records_in", mixAccounting(m, "documents"));
        row.put("kept", mixAccounting(m, "in_mix"));
        row.put("tokens", tokens);
        row.put("tokens_per_second", rate(tokens, seconds));
      } else {
        JsonNode a = m.path("accounting");
        row.put("records_in", a.path("records_in").asLong());
        row.put("kept", a.path("kept").asLong());
        row.put("rejected", a.path("rejected_total").asLong());
        row.put("errors", a.path("errors_total").asLong());
        JsonNode counters = m.path("stats").path("counters");
        if (counters.has("bytes_in")) {
          row.put("bytes_in", counters.path("bytes_in").asLong());
          row.put("mb_per_second", rate(counters.path("bytes_in").asLong() / 1e6, seconds));
        } else {
          long chars = m.path("stats").path("histograms").path("text_chars_in").path("sum")
              .asLong();
          row.put("text_chars_in", chars);
          row.put("mchars_per_second", rate(chars / 1e6, seconds));
        }
      }
      row.put("records_per_second", rate(row.path("records_in").asDouble(), seconds));
      row.put("spark_master", m.path("spark_master").asText(null));
    }
    return table;
  }

  private static double seconds(JsonNode manifest) {
    String started = manifest.path("started_at").asText("");
    String finished = manifest.path("finished_at").asText("");
    if (started.isEmpty() || finished.isEmpty()) {
      return 0;
    }
    return Duration.between(Instant.parse(started), Instant.parse(finished)).toMillis() / 1000.0;
  }

  private static double rate(double amount, double seconds) {
    return seconds <= 0 ? 0 : Math.round(amount / seconds * 100) / 100.0;
  }

  /** The stage table's seconds as a chart. */
  private static ObjectNode timings(ArrayNode table) {
    Bars bars = new Bars("seconds");
    table.forEach(row -> bars.add(row.path("label").asText(), 0,
        row.path("seconds").asDouble()));
    return bars.toJson();
  }

  /** A mix version's accounting field summed over its input datasets. */
  private static long mixAccounting(JsonNode mix, String field) {
    long sum = 0;
    for (JsonNode dataset : mix.path("accounting")) {
      sum += dataset.path(field).asLong();
    }
    return sum;
  }

  // ---------------------------------------------------------------- funnel

  private ObjectNode funnel() {
    ObjectNode funnel = Json.mapper().createObjectNode();
    ArrayNode levels = funnel.putArray("levels");
    ArrayNode removed = funnel.putArray("removed");
    for (String stage : List.of("ingest", "filter", "dedup")) {
      List<StageManifest> outputs = of(stage);
      if (outputs.isEmpty()) {
        continue;
      }
      if (levels.isEmpty()) {
        level(levels, stage.equals("ingest") ? "raw records" : "into " + stage,
            sum(outputs, "records_in"));
      }
      level(levels, "after " + stage, sum(outputs, "kept"));
      removals(removed, stage, outputs);
    }
    for (StageManifest mix : of("mix")) {
      JsonNode m = mix.manifest();
      Map<String, Long> notTaken = new TreeMap<>();
      for (JsonNode a : m.path("accounting")) {
        a.path("not_taken").properties().forEach(e ->
            notTaken.merge(e.getKey(), e.getValue().asLong(), Long::sum));
      }
      if (levels.isEmpty()) {
        level(levels, "into the mix", mixAccounting(m, "documents"));
      }
      level(levels, "in the mix " + mix.name(), mixAccounting(m, "in_mix"));
      largestFirst(notTaken).forEach((reason, n) -> {
        if (n > 0) {
          removal(removed, "mix", "not_taken", reason, n);
        }
      });
      funnel.put("mix_documents", m.path("totals").path("documents").asLong());
      funnel.put("mix_tokens", m.path("totals").path("tokens").asLong());
    }
    return funnel;
  }

  private static void level(ArrayNode levels, String label, long count) {
    ObjectNode level = levels.addObject();
    level.put("label", label);
    level.put("count", count);
  }

  /** Every reason a stage removed records for, summed over its outputs, largest first. */
  private static void removals(ArrayNode removed, String stage, List<StageManifest> outputs) {
    Map<String, Long> rejected = new TreeMap<>();
    Map<String, Long> errors = new TreeMap<>();
    for (StageManifest s : outputs) {
      JsonNode a = s.manifest().path("accounting");
      a.path("rejected").properties().forEach(e ->
          rejected.merge(e.getKey(), e.getValue().asLong(), Long::sum));
      a.path("errors").properties().forEach(e ->
          errors.merge(e.getKey(), e.getValue().asLong(), Long::sum));
    }
    largestFirst(rejected).forEach((reason, n) -> removal(removed, stage,
        reason.startsWith(SKIPPED_PREFIX) ? "skipped" : "rejected", reason, n));
    largestFirst(errors).forEach((reason, n) -> removal(removed, stage, "error", reason, n));
  }

  private static void removal(ArrayNode removed, String stage, String kind, String reason,
      long count) {
    ObjectNode row = removed.addObject();
    row.put("stage", stage);
    row.put("kind", kind);
    row.put("reason", reason);
    row.put("count", count);
  }

  static Map<String, Long> largestFirst(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  // ---------------------------------------------------------------- languages

  private ObjectNode languages() {
    List<StageManifest> filter = of("filter");
    List<StageManifest> dedup = of("dedup");
    List<String> series = new ArrayList<>();
    if (!filter.isEmpty()) {
      series.add("into filter");
      series.add("kept by filter");
    }
    if (!dedup.isEmpty()) {
      series.add("kept by dedup");
    }
    Bars bars = new Bars(series);
    addCounters(bars, filter, "kept_lang.", 0, 1);
    addCounters(bars, filter, "rejected_lang.", 0);
    addCounters(bars, dedup, "kept_lang.", series.indexOf("kept by dedup"));
    return bars.largestFirst(MAX_LANGUAGES).toJson();
  }

  /** Adds every counter named {@code prefix<key>} of the outputs to row key, in each series. */
  private static void addCounters(Bars bars, List<StageManifest> outputs, String prefix,
      int... series) {
    for (StageManifest s : outputs) {
      s.manifest().path("stats").path("counters").properties().forEach(e -> {
        if (e.getKey().startsWith(prefix)) {
          for (int index : series) {
            bars.add(e.getKey().substring(prefix.length()), index, e.getValue().asLong());
          }
        }
      });
    }
  }

  // ---------------------------------------------------------------- lengths and scores

  /** Text lengths (power-of-two buckets) into filter, kept by filter, kept by dedup. */
  private ObjectNode lengths() {
    List<String> series = new ArrayList<>();
    List<Map<Long, Long>> histograms = new ArrayList<>();
    List<StageManifest> filter = of("filter");
    if (!filter.isEmpty()) {
      series.add("into filter");
      histograms.add(log2Buckets(filter, "text_chars_in"));
      series.add("kept by filter");
      histograms.add(log2Buckets(filter, "kept_text_chars"));
    } else if (!of("ingest").isEmpty()) {
      series.add("kept by ingest");
      histograms.add(log2Buckets(of("ingest"), "kept_text_chars"));
    }
    if (!of("dedup").isEmpty()) {
      series.add("kept by dedup");
      histograms.add(log2Buckets(of("dedup"), "kept_text_chars"));
    }
    TreeMap<Long, Boolean> bounds = new TreeMap<>();
    histograms.forEach(h -> h.keySet().forEach(b -> bounds.put(b, true)));
    Bars bars = new Bars(series);
    if (!bounds.isEmpty()) {
      // Every bucket between the smallest and the largest, so the axis has no gaps.
      for (long lower = bounds.firstKey(); lower <= bounds.lastKey();
          lower = lower == 0 ? 1 : lower * 2) {
        String key = lengthLabel(lower);
        bars.row(key);
        for (int i = 0; i < histograms.size(); i++) {
          bars.add(key, i, histograms.get(i).getOrDefault(lower, 0L));
        }
      }
    }
    ObjectNode node = bars.toJson();
    node.put("unit", "characters");
    return node;
  }

  /** A histogram's buckets ("1024-2047": n) summed over outputs, keyed by lower bound. */
  private static Map<Long, Long> log2Buckets(List<StageManifest> outputs, String histogram) {
    Map<Long, Long> out = new TreeMap<>();
    for (StageManifest s : outputs) {
      s.manifest().path("stats").path("histograms").path(histogram).path("buckets").properties()
          .forEach(e -> {
            String key = e.getKey();
            long lower = Long.parseLong(key.contains("-") ? key.substring(0, key.indexOf('-'))
                : key);
            out.merge(lower, e.getValue().asLong(), Long::sum);
          });
    }
    return out;
  }

  /** "0", "1", "2–3", "1k–2k", "32k–64k": a power-of-two bucket in short form. */
  static String lengthLabel(long lower) {
    if (lower <= 1) {
      return Long.toString(lower);
    }
    return compact(lower) + "–" + compact(lower * 2);
  }

  private static String compact(long n) {
    if (n >= 1 << 20 && n % (1 << 20) == 0) {
      return (n >> 20) + "M";
    }
    if (n >= 1024 && n % 1024 == 0) {
      return (n >> 10) + "k";
    }
    return Long.toString(n);
  }

  /** Per score (lang_score, attrs): a linear histogram of the scored and of the kept. */
  private ArrayNode scores() {
    ArrayNode out = Json.mapper().createArrayNode();
    Map<String, TreeMap<Integer, long[]>> byScore = new TreeMap<>();
    for (StageManifest s : of("filter")) {
      s.manifest().path("stats").path("scores").properties().forEach(e -> {
        String key = e.getKey();
        int dot = key.indexOf('.');
        int series = key.startsWith("scored.") ? 0 : key.startsWith("kept.") ? 1 : -1;
        if (series < 0) {
          return;
        }
        TreeMap<Integer, long[]> buckets = byScore.computeIfAbsent(key.substring(dot + 1),
            k -> new TreeMap<>());
        double width = e.getValue().path("bucket_width").asDouble(0.05);
        e.getValue().path("buckets").properties().forEach(b -> {
          int index = (int) Math.round(Double.parseDouble(b.getKey()) / width);
          buckets.computeIfAbsent(index, k -> new long[2])[series] += b.getValue().asLong();
        });
      });
    }
    // The language score first: every chain has it; then the others by name.
    List<String> names = new ArrayList<>(byScore.keySet());
    names.sort(Comparator.comparing((String n) -> !n.equals("lang_score"))
        .thenComparing(Comparator.naturalOrder()));
    for (String name : names) {
      TreeMap<Integer, long[]> buckets = byScore.get(name);
      double width = 0.05;
      int last = Math.max(buckets.lastKey(), (int) Math.round(1 / width) - 1);
      int merge = Math.max(1, (int) Math.ceil((last + 1) / (double) MAX_SCORE_BARS));
      Bars bars = new Bars("scored", "kept");
      for (int start = 0; start <= last; start += merge) {
        String key = String.format(Locale.ROOT, "%.2f", start * width);
        bars.row(key);
        for (int i = start; i < start + merge; i++) {
          long[] counts = buckets.get(i);
          if (counts != null) {
            bars.add(key, 0, counts[0]);
            bars.add(key, 1, counts[1]);
          }
        }
      }
      ObjectNode chart = bars.toJson();
      chart.put("score", name);
      chart.put("bucket_width", Math.round(width * merge * 1e6) / 1e6);
      out.add(chart);
    }
    return out;
  }

  // ---------------------------------------------------------------- dedup, pii, mix

  /** Size classes of the dedup manifest, in size order. */
  static final List<String> CLUSTER_CLASSES = List.of("2", "3-10", "11-100", "101-1000",
      "1001-10000", ">10000");

  private ObjectNode dedup() {
    List<StageManifest> dedup = of("dedup");
    if (dedup.isEmpty()) {
      return null;
    }
    JsonNode m = dedup.get(0).manifest();
    JsonNode stats = m.path("stats");
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("records_in", m.path("accounting").path("records_in").asLong());
    out.put("kept", m.path("accounting").path("kept").asLong());
    out.put("exact_duplicates", m.path("accounting").path("rejected").path("exact_duplicate")
        .asLong());
    out.put("near_duplicates", m.path("accounting").path("rejected").path("near_duplicate")
        .asLong());
    out.put("duplicate_rate", stats.path("duplicate_rate").asDouble());
    out.put("candidate_edges", stats.path("candidate_edges").asLong());
    out.put("threshold", stats.path("lsh").path("threshold").asDouble());
    out.put("bands", stats.path("lsh").path("bands").asInt());
    out.put("rows", stats.path("lsh").path("rows").asInt());
    out.put("keep_rule", stats.path("keep_rule").asText(null));
    Bars clusters = new Bars("clusters");
    for (String size : CLUSTER_CLASSES) {
      clusters.add(size, 0, stats.path("cluster_sizes").path(size).asLong());
    }
    out.set("cluster_sizes", clusters.toJson());
    return out;
  }

  /** Replacements per PII type (every type, zeros too) per filter output. */
  private ObjectNode pii() {
    List<StageManifest> filter = of("filter");
    if (filter.isEmpty()) {
      return null;
    }
    Bars bars = new Bars(filter.stream().map(StageManifest::name).toList());
    long total = 0;
    for (PiiType type : PiiType.values()) {
      bars.row(type.key());
    }
    for (int i = 0; i < filter.size(); i++) {
      JsonNode counters = filter.get(i).manifest().path("stats").path("counters");
      for (PiiType type : PiiType.values()) {
        bars.add(type.key(), i, counters.path("pii." + type.key()).asLong());
      }
      total += counters.path("pii.total").asLong();
    }
    ObjectNode out = bars.toJson();
    out.put("total", total);
    return out;
  }

  private ObjectNode mix() {
    List<StageManifest> mixes = of("mix");
    if (mixes.isEmpty()) {
      return null;
    }
    StageManifest mix = mixes.get(0);
    JsonNode m = mix.manifest();
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("label", mix.name());
    out.put("uri", mix.uri());
    out.put("tokenizer", m.path("tokenizer").path("name").asText());
    out.put("documents", m.path("totals").path("documents").asLong());
    out.put("tokens", m.path("totals").path("tokens").asLong());
    out.put("shards", m.path("totals").path("shards").asLong());
    Bars tokens = new Bars("requested tokens", "tokens taken");
    ArrayNode sources = out.putArray("sources");
    for (JsonNode s : m.path("sources")) {
      String name = s.path("name").asText();
      tokens.add(name, 0, s.path("target_tokens").asLong());
      tokens.add(name, 1, s.path("tokens_taken").asLong());
      ObjectNode row = sources.addObject();
      for (String field : List.of("name", "filter", "target_tokens", "tokens_taken",
          "requested_share", "actual_share", "documents_available", "documents_taken",
          "tokens_available", "effective_epochs")) {
        row.set(field, s.path(field).isMissingNode() ? null : s.path(field));
      }
    }
    out.set("tokens_per_source", tokens.toJson());
    return out;
  }

  /** Rows of the removals table of one stage and kind, for the summary. */
  static List<JsonNode> removed(JsonNode report, String stage, Predicate<String> kind) {
    List<JsonNode> out = new ArrayList<>();
    report.path("funnel").path("removed").forEach(r -> {
      if (r.path("stage").asText().equals(stage) && kind.test(r.path("kind").asText())) {
        out.add(r);
      }
    });
    return out;
  }
}
