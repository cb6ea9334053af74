package dev.quarry.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Small hand-made manifests of every stage, with numbers that are easy to check. */
final class ReportFixtures {
  private ReportFixtures() {}

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StageManifest ingest(String source, long in, long kept, long skipped, long nonHtml,
      long errors) {
    return new StageManifest("ingest", source, "file:/w/ingest/" + source, json("""
        {"job": "ingest", "quarry_version": "0.1.0-test",
         "started_at": "2026-11-24T10:00:00Z", "finished_at": "2026-11-24T10:00:04Z",
         "accounting": {"records_in": %d, "kept": %d, "rejected_total": %d,
           "rejected": {"skipped_request_record": %d, "non_html_payload": %d},
           "errors_total": %d, "errors": {"corrupt_warc_header": %d}},
         "stats": {"counters": {"bytes_in": 8000000}, "histograms": {}}}
        """.formatted(in, kept, skipped + nonHtml, skipped, nonHtml, errors, errors)), "ran");
  }

  /** 100 in, 80 kept (eng 60, deu 20), 20 rejected (eng 15, und 5); PII: 7 emails, 3 ips. */
  static StageManifest filter(String source) {
    return new StageManifest("filter", source, "file:/w/filter/" + source, json("""
        {"job": "filter", "started_at": "2026-11-24T10:00:05Z",
         "finished_at": "2026-11-24T10:00:07.500Z",
         "inputs": [{"path": "file:/w/ingest/%s", "manifest_hash": "abc"}],
         "accounting": {"records_in": 100, "kept": 80, "rejected_total": 20,
           "rejected": {"gopher_too_few_words": 15, "language_undetermined": 5},
           "errors_total": 0, "errors": {}},
         "stats": {
           "counters": {"kept_lang.eng": 60, "kept_lang.deu": 20, "rejected_lang.eng": 15,
             "rejected_lang.und": 5, "pii.email": 7, "pii.ip_address": 3, "pii.total": 10},
           "histograms": {
             "text_chars_in": {"buckets": {"0": 2, "256-511": 18, "1024-2047": 80}, "sum": 1000000},
             "kept_text_chars": {"buckets": {"1024-2047": 80}}},
           "scores": {
             "scored.lang_score": {"bucket_width": 0.05, "buckets": {"0.50": 5, "0.95": 95}},
             "kept.lang_score": {"bucket_width": 0.05, "buckets": {"0.95": 80}},
             "scored.content_word_list.per_1000": {"bucket_width": 0.05,
               "buckets": {"0.00": 70, "2.50": 9, "10.00": 1}},
             "kept.content_word_list.per_1000": {"bucket_width": 0.05,
               "buckets": {"0.00": 70}}}}}
        """.formatted(source)), "ran");
  }

  static StageManifest dedup() {
    return new StageManifest("dedup", "", "file:/w/dedup", json("""
        {"job": "dedup", "started_at": "2026-11-24T10:00:08Z",
         "finished_at": "2026-11-24T10:00:18Z",
         "inputs": [{"path": "file:/w/filter/a", "manifest_hash": "h1"},
                    {"path": "file:/w/filter/b", "manifest_hash": "h2"}],
         "accounting": {"records_in": 160, "kept": 100, "rejected_total": 60,
           "rejected": {"exact_duplicate": 40, "near_duplicate": 20}, "errors_total": 0,
           "errors": {}},
         "stats": {"counters": {"kept_lang.eng": 75, "kept_lang.deu": 25},
           "histograms": {"text_chars_in": {"buckets": {"1024-2047": 160}, "sum": 200000},
             "kept_text_chars": {"buckets": {"1024-2047": 100}}},
           "duplicate_rate": 0.375, "candidate_edges": 77, "keep_rule": "fetched_at asc, id asc",
           "cluster_sizes": {"2": 10, "3-10": 5, "11-100": 1, "101-1000": 0, "1001-10000": 0,
             ">10000": 0},
           "lsh": {"threshold": 0.8, "bands": 16, "rows": 8}}}
        """), "up_to_date");
  }

  static StageManifest mix() {
    return new StageManifest("mix", "demo@v0001", "file:/w/mixes/demo/v0001", json("""
        {"job": "mix", "mix": "demo", "version": "v0001",
         "quarry": {"version": "0.1.0-test"},
         "started_at": "2026-11-24T10:00:20Z", "finished_at": "2026-11-24T10:00:22Z",
         "tokenizer": {"name": "r50k_base"},
         "totals": {"documents": 90, "tokens": 50000, "shards": 2},
         "accounting": [{"dataset": "file:/w/dedup", "documents": 100, "in_mix": 70,
           "not_taken": {"no_text": 0, "not_selected": 10, "not_sampled": 20}}],
         "sources": [
           {"name": "english", "dataset": "file:/w/dedup", "filter": "lang = 'eng'",
            "target_tokens": 30000, "tokens_taken": 30010, "requested_share": 0.6,
            "actual_share": 0.6002, "effective_epochs": 1.2},
           {"name": "rest", "dataset": "file:/w/dedup", "target_tokens": 20000,
            "tokens_taken": 19990, "requested_share": 0.4, "actual_share": 0.3998,
            "effective_epochs": 0.5}]}
        """), "ran");
  }

  static List<StageManifest> pipeline() {
    return List.of(mix(), dedup(), filter("a"), filter("b"), ingest("a", 250, 100, 140, 8, 2),
        ingest("b", 100, 100, 0, 0, 0));
  }
}
