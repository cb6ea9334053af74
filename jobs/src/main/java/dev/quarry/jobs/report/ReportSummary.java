package dev.quarry.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one-screen text summary of a report that {@code quarry run} prints at its end. */
public final class ReportSummary {
  /** Reasons listed per stage; the rest are summed as "n more". */
  static final int REASONS_SHOWN = 4;

  private ReportSummary() {}

  public static List<String> lines(JsonNode report) {
    List<String> out = new ArrayList<>();
    JsonNode run = report.path("run");
    String title = report.path("report").path("title").asText();
    if (!run.isMissingNode() && !run.isNull()) {
      out.add("report: " + title + ": " + run.path("status").asText());
    } else {
      out.add("report: " + title);
    }
    JsonNode funnel = report.path("funnel");
    List<String> levels = new ArrayList<>();
    funnel.path("levels").forEach(l -> levels.add(count(l.path("count").asLong()) + " "
        + l.path("label").asText()));
    String tokens = funnel.has("mix_tokens") ? " (" + count(funnel.path("mix_documents")
        .asLong()) + " with repeats, " + count(funnel.path("mix_tokens").asLong()) + " tokens)"
        : "";
    out.add("  funnel:    " + String.join(" → ", levels) + tokens);
    for (String stage : List.of("ingest", "filter", "dedup", "mix")) {
      List<JsonNode> removed = ReportBuilder.removed(report, stage, kind -> true);
      if (!removed.isEmpty()) {
        out.add(String.format(Locale.ROOT, "  %-10s %s", stage + ":", reasons(removed)));
      }
    }
    JsonNode dedup = report.path("dedup");
    if (dedup.isObject()) {
      out.add(String.format(Locale.ROOT, "  dupes:     %.1f%% of %s documents (%s exact, %s near)",
          dedup.path("duplicate_rate").asDouble() * 100, count(dedup.path("records_in")
              .asLong()), count(dedup.path("exact_duplicates").asLong()),
          count(dedup.path("near_duplicates").asLong())));
    }
    JsonNode languages = report.path("languages");
    if (languages.path("rows").size() > 0) {
      int last = languages.path("series").size() - 1;
      List<JsonNode> rows = new ArrayList<>();
      languages.path("rows").forEach(rows::add);
      rows.sort(java.util.Comparator.comparingLong(
          (JsonNode r) -> -r.path("values").path(last).asLong()));
      List<String> top = new ArrayList<>();
      rows.stream().limit(8).forEach(r -> top.add(r.path("key").asText() + " "
          + count(r.path("values").path(last).asLong())));
      out.add("  languages: " + String.join(", ", top) + " ("
          + languages.path("series").path(last).asText() + ")");
    }
    JsonNode pii = report.path("pii");
    if (pii.isObject()) {
      List<String> types = new ArrayList<>();
      pii.path("rows").forEach(r -> {
        long n = 0;
        for (JsonNode v : r.path("values")) {
          n += v.asLong();
        }
        if (n > 0) {
          types.add(r.path("key").asText() + " " + count(n));
        }
      });
      out.add("  pii:       " + count(pii.path("total").asLong()) + " replaced"
          + (types.isEmpty() ? "" : " (" + String.join(", ", types) + ")"));
    }
    JsonNode mix = report.path("mix");
    if (mix.isObject()) {
      List<String> sources = new ArrayList<>();
      mix.path("sources").forEach(s -> sources.add(String.format(Locale.ROOT,
          "%s %s of %s tokens (%.1f%%, asked %.1f%%)", s.path("name").asText(),
          count(s.path("tokens_taken").asLong()), count(s.path("target_tokens").asLong()),
          s.path("actual_share").asDouble() * 100, s.path("requested_share").asDouble() * 100)));
      out.add("  mix:       " + mix.path("label").asText() + ": " + String.join("; ", sources));
    }
    List<String> times = new ArrayList<>();
    report.path("stages").forEach(s -> times.add(s.path("label").asText() + " "
        + String.format(Locale.ROOT, "%.1f s", s.path("seconds").asDouble())
        + ("up_to_date".equals(s.path("outcome").asText()) ? " (earlier)" : "")));
    out.add("  time:      " + String.join(", ", times));
    return out;
  }

  private static String reasons(List<JsonNode> removed) {
    long total = 0;
    List<String> shown = new ArrayList<>();
    long rest = 0;
    int more = 0;
    for (JsonNode r : removed) {
      long n = r.path("count").asLong();
      total += n;
      if (shown.size() < REASONS_SHOWN) {
        shown.add(r.path("reason").asText() + " " + count(n));
      } else {
        rest += n;
        more++;
      }
    }
    return count(total) + " removed: " + String.join(", ", shown)
        + (more > 0 ? ", " + more + " more reasons " + count(rest) : "");
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
