package dev.quarry.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.config.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {
  static final ObjectNode REPORT = new ReportBuilder(ReportFixtures.pipeline())
      .build("file:/w/mixes/demo/v0001", null, null, Instant.parse("2026-11-24T11:00:00Z"));

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  static String row(JsonNode bars, String key) {
    for (JsonNode r : bars.path("rows")) {
      if (r.path("key").asText().equals(key)) {
        return r.path("values").toString();
      }
    }
    return null;
  }

  @Test
  void theFunnelGoesFromRawRecordsToTheMixWithEveryReasonByKind() {
    JsonNode funnel = REPORT.path("funnel");
    assertThat(funnel.path("levels").toString()).isEqualTo("[{\"label\":\"raw records\","
        + "\"count\":350},{\"label\":\"after ingest\",\"count\":200},{\"label\":\"after filter\","
        + "\"count\":160},{\"label\":\"after dedup\",\"count\":100},{\"label\":"
        + "\"in the mix demo@v0001\",\"count\":70}]");
    assertThat(funnel.path("mix_tokens").asLong()).isEqualTo(50000);
    List<String> removed = new ArrayList<>();
    funnel.path("removed").forEach(r -> removed.add(r.path("stage").asText() + ":"
        + r.path("kind").asText() + ":" + r.path("reason").asText() + "="
        + r.path("count").asLong()));
    assertThat(removed).containsExactly(
        "ingest:skipped:skipped_request_record=140", "ingest:rejected:non_html_payload=8",
        "ingest:error:corrupt_warc_header=2",
        "filter:rejected:gopher_too_few_words=30", "filter:rejected:language_undetermined=10",
        "dedup:rejected:exact_duplicate=40", "dedup:rejected:near_duplicate=20",
        "mix:not_taken:not_sampled=20", "mix:not_taken:not_selected=10");
    // Every record is accounted for from the first level to the last.
    long removedTotal = 0;
    for (JsonNode r : funnel.path("removed")) {
      removedTotal += r.path("count").asLong();
    }
    assertThat(350 - removedTotal).isEqualTo(70);
  }

  @Test
  void languagesAreCountedIntoTheFilterKeptByItAndKeptByDedup() {
    JsonNode languages = REPORT.path("languages");
    assertThat(texts(languages.path("series"), "")).hasSize(3);
    assertThat(languages.path("series").toString())
        .isEqualTo("[\"into filter\",\"kept by filter\",\"kept by dedup\"]");
    assertThat(texts(languages.path("rows"), "key")).containsExactly("eng", "deu", "und");
    assertThat(row(languages, "eng")).isEqualTo("[150,120,75]");
    assertThat(row(languages, "und")).isEqualTo("[10,0,0]");
  }

  @Test
  void lengthsHaveEveryBucketBetweenTheSmallestAndTheLargest() {
    JsonNode lengths = REPORT.path("lengths");
    assertThat(texts(lengths.path("rows"), "key")).containsExactly("0", "1", "2–4", "4–8",
        "8–16", "16–32", "32–64", "64–128", "128–256", "256–512", "512–1k", "1k–2k");
    assertThat(row(lengths, "1k–2k")).isEqualTo("[160,160,100]");
    assertThat(row(lengths, "0")).isEqualTo("[4,0,0]");
  }

  @Test
  void scoresAreLinearTheLanguageScoreFirstWideRangesMerged() {
    JsonNode scores = REPORT.path("scores");
    assertThat(texts(scores, "score")).containsExactly("lang_score",
        "content_word_list.per_1000");
    JsonNode lang = scores.get(0);
    assertThat(lang.path("rows")).hasSize(20);
    assertThat(lang.path("bucket_width").asDouble()).isEqualTo(0.05);
    assertThat(row(lang, "0.95")).isEqualTo("[190,160]");
    assertThat(row(lang, "0.50")).isEqualTo("[10,0]");
    JsonNode words = scores.get(1);
    // 0 to 10 in 0.05 buckets is 201; merged six at a time into 34 bars of 0.3.
    assertThat(words.path("rows").size()).isLessThanOrEqualTo(ReportBuilder.MAX_SCORE_BARS);
    assertThat(words.path("bucket_width").asDouble()).isEqualTo(0.3);
    assertThat(row(words, "0.00")).isEqualTo("[140,140]");
    assertThat(row(words, "2.40")).isEqualTo("[18,0]");
    long all = 0;
    for (JsonNode r : words.path("rows")) {
      all += r.path("values").get(0).asLong();
    }
    assertThat(all).isEqualTo(160);
  }

  @Test
  void dedupPiiMixAndTimings() {
    JsonNode dedup = REPORT.path("dedup");
    assertThat(dedup.path("duplicate_rate").asDouble()).isEqualTo(0.375);
    assertThat(texts(dedup.path("cluster_sizes").path("rows"), "key"))
        .containsExactlyElementsOf(ReportBuilder.CLUSTER_CLASSES);
    assertThat(row(dedup.path("cluster_sizes"), "3-10")).isEqualTo("[5]");

    JsonNode pii = REPORT.path("pii");
    assertThat(pii.path("total").asLong()).isEqualTo(20);
    assertThat(pii.path("series").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(texts(pii.path("rows"), "key")).containsExactly("email", "phone", "ip_address",
        "credit_card", "iban", "us_ssn", "secret");
    assertThat(row(pii, "email")).isEqualTo("[7,7]");
    assertThat(row(pii, "secret")).isEqualTo("[0,0]");

    JsonNode mix = REPORT.path("mix");
    assertThat(mix.path("label").asText()).isEqualTo("demo@v0001");
    assertThat(row(mix.path("tokens_per_source"), "english")).isEqualTo("[30000,30010]");
    assertThat(mix.path("sources").get(0).path("actual_share").asDouble()).isEqualTo(0.6002);

    JsonNode stages = REPORT.path("stages");
    assertThat(texts(stages, "label")).containsExactly("ingest a", "ingest b", "filter a",
        "filter b", "dedup", "mix demo@v0001");
    assertThat(stages.get(0).path("mb_per_second").asDouble()).isEqualTo(2.0);
    assertThat(stages.get(2).path("seconds").asDouble()).isEqualTo(2.5);
    assertThat(stages.get(2).path("records_per_second").asDouble()).isEqualTo(40.0);
    assertThat(stages.get(2).path("mchars_per_second").asDouble()).isEqualTo(0.4);
    assertThat(stages.get(4).path("outcome").asText()).isEqualTo("up_to_date");
    assertThat(stages.get(5).path("tokens_per_second").asDouble()).isEqualTo(25000);
    assertThat(row(REPORT.path("timings"), "dedup")).isEqualTo("[10]");
    assertThat(REPORT.path("report").path("quarry_version").asText()).isEqualTo("0.1.0-test");
  }

  @Test
  void aReportOfFewerStagesHasOnlyTheirSections() {
    ObjectNode ingestOnly = new ReportBuilder(List.of(ReportFixtures.ingest("a", 10, 8, 1, 1,
        0))).build("file:/w/ingest/a", null, null, Instant.EPOCH);
    assertThat(ingestOnly.path("funnel").path("levels")).hasSize(2);
    assertThat(ingestOnly.path("dedup").isNull()).isTrue();
    assertThat(ingestOnly.path("pii").isNull()).isTrue();
    assertThat(ingestOnly.path("mix").isNull()).isTrue();
    assertThat(ingestOnly.path("scores")).isEmpty();
    assertThatThrownBy(() -> new ReportBuilder(List.of()))
        .hasMessageContaining("at least one committed output");
  }

  @Test
  void theManifestsNameTheirUpstreamDatasets() {
    assertThat(ReportInputs.upstream(ReportFixtures.mix().manifest()))
        .containsExactly("file:/w/dedup");
    assertThat(ReportInputs.upstream(ReportFixtures.dedup().manifest()))
        .containsExactly("file:/w/filter/a", "file:/w/filter/b");
    assertThat(ReportInputs.upstream(ReportFixtures.ingest("a", 1, 1, 0, 0, 0).manifest()))
        .isEmpty();
    assertThat(ReportInputs.of("file:/w/filter/a/", ReportFixtures.filter("a").manifest(), null)
        .label()).isEqualTo("filter a");
    assertThat(Json.tree(REPORT).path("run").isNull()).isTrue();
  }
}
