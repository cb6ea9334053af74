package dev.quarry.filters.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.Document;
import dev.quarry.core.config.Json;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.CommittedDocuments;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.filters.chain.ChainConfig;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterJobTest {
  static final String[] TEXTS = {
      "The council voted on Tuesday to keep the library open later in summer. Students and "
          + "working parents had asked for evening hours for years.",
      "Der Stadtrat hat am Dienstag beschlossen, die Bibliothek im Sommer länger zu öffnen. "
          + "Studierende hatten seit Jahren darum gebeten.",
      "Le conseil municipal a décidé mardi de prolonger les horaires de la bibliothèque cet "
          + "été. Les étudiants le demandaient depuis des années.",
      "Volunteers will run guided tours of the old reading room every Saturday morning during "
          + "the school holidays, and the café will serve hot drinks.",
      "ok"};

  @TempDir
  static Path dir;
  static SparkSession spark;
  static String input;

  @BeforeAll
  static void documents() {
    spark = TestSpark.session();
    input = dir.resolve("docs").toString();
    List<Document> docs = new java.util.ArrayList<>();
    for (int i = 0; i < TEXTS.length; i++) {
      docs.add(new Document("id" + i, TEXTS[i], "https://x/" + i, "test", null, "mem:" + i,
          null, null, null, null, null, null));
    }
    CommittedDocuments.write(spark, input, docs);
  }

  static FilterSettings settings(String yaml) {
    return new FilterSettings(input, YamlConfig.parse(yaml, "chain.yaml", ChainConfig.class));
  }

  @Test
  void keepsEnglishRejectsTheRestWithReasonsAndWritesStats() throws Exception {
    String out = dir.resolve("english").toString();
    StageRunner.Result result = FilterJob.run(spark, settings("""
        steps:
          - name: language_id
            params: {keep_languages: [eng]}
        """), "chain.yaml", out, false);
    assertThat(result.accounting().recordsIn()).isEqualTo(5);
    assertThat(result.accounting().kept()).isEqualTo(2);
    assertThat(result.accounting().rejected()).containsEntry("language_not_kept", 2L)
        .containsEntry("language_undetermined", 1L);
    List<Row> kept = Datasets.read(spark, out).select("id", "lang").orderBy("id")
        .collectAsList();
    assertThat(kept).extracting(r -> r.getString(0) + "=" + r.getString(1))
        .containsExactly("id0=eng", "id3=eng");
    List<Row> rejected = spark.read().parquet(out + "/_rejected")
        .select("id", "lang", "reject_stage", "reject_reason", "reject_step").orderBy("id")
        .collectAsList();
    assertThat(rejected).extracting(Row::toString).containsExactly(
        "[id1,deu,filter,language_not_kept,language_id]",
        "[id2,fra,filter,language_not_kept,language_id]",
        "[id4,und,filter,language_undetermined,language_id]");
    JsonNode stats = Json.mapper().readTree(Path.of(out, "manifest.json").toFile()).get("stats");
    assertThat(stats.get("counters").get("kept_lang.eng").asInt()).isEqualTo(2);
    assertThat(stats.get("counters").get("rejected_lang.deu").asInt()).isEqualTo(1);
    assertThat(stats.get("steps").get("language_id").get("in").asInt()).isEqualTo(5);
    assertThat(stats.get("steps").get("language_id").get("time_share").asDouble())
        .isEqualTo(1.0);
    assertThat(stats.get("histograms").get("kept_text_chars").get("count").asInt())
        .isEqualTo(2);
    // Linear score histograms: every document that was scored, and the kept ones; the
    // runner-up languages' scores (lang_alt.*) are not scores of the document.
    JsonNode scores = stats.get("scores");
    assertThat(scores.get("scored.lang_score").get("count").asInt()).isEqualTo(5);
    assertThat(scores.get("kept.lang_score").get("count").asInt()).isEqualTo(2);
    assertThat(scores.get("kept.lang_score").get("bucket_width").asDouble()).isEqualTo(0.05);
    long inBuckets = 0;
    for (var bucket : scores.get("scored.lang_score").get("buckets").properties()) {
      inBuckets += bucket.getValue().asLong();
    }
    assertThat(inBuckets).isEqualTo(5);
    assertThat(scores.properties()).extracting(java.util.Map.Entry::getKey)
        .noneMatch(k -> k.contains("lang_alt") || k.contains("pii."));

    StageRunner.Result again = FilterJob.run(spark, settings("""
        steps:
          - name: language_id
            params: {keep_languages: [eng]}
        """), "chain.yaml", out, false);
    assertThat(again.ran()).isFalse();
  }

  /** text_chars_in measures the texts as they came in; kept_text_chars as the chain left them. */
  @Test
  void lengthsAreCountedBeforeAndAfterTheChainChangedTheText() throws Exception {
    String scrubbed = dir.resolve("pii-in").toString();
    String text = "Write to jane.doe@example.org or call +1 415 555 0132 about the tours — café.";
    CommittedDocuments.write(spark, scrubbed, List.of(new Document("p0", text, "https://x/p",
        "test", null, "mem:p", null, null, null, null, null, null)));
    String out = dir.resolve("pii-out").toString();
    FilterJob.run(spark, new FilterSettings(scrubbed, YamlConfig.parse("""
        steps:
          - name: pii
        """, "chain.yaml", ChainConfig.class)), "chain.yaml", out, false);

    String left = Datasets.read(spark, out).select("text").first().getString(0);
    assertThat(left.codePointCount(0, left.length()))
        .as("the scrubbed text's length").isNotEqualTo(text.codePointCount(0, text.length()));
    JsonNode histograms = Json.mapper().readTree(Path.of(out, "manifest.json").toFile())
        .get("stats").get("histograms");
    assertThat(histograms.get("text_chars_in").get("sum").asLong())
        .isEqualTo(text.codePointCount(0, text.length()));
    assertThat(histograms.get("kept_text_chars").get("sum").asLong())
        .isEqualTo(left.codePointCount(0, left.length()));
  }

  @Test
  void annotateModeKeepsEverythingAndRecordsVerdicts() {
    String out = dir.resolve("annotated").toString();
    FilterJob.run(spark, settings("""
        mode: annotate
        rejected: none
        steps:
          - name: language_id
            params: {keep_languages: [eng]}
        """), "chain.yaml", out, false);
    List<Row> rows = Datasets.read(spark, out).select("id", "lang", "tags").orderBy("id")
        .collectAsList();
    assertThat(rows).hasSize(5);
    assertThat(rows.get(1).<String, String>getJavaMap(2))
        .containsEntry("verdict.language_id", "language_not_kept");
    assertThat(rows.get(0).<String, String>getJavaMap(2))
        .containsEntry("verdict.language_id", "keep");
    assertThat(spark.read().parquet(out + "/_rejected").count()).isZero();
  }

  @Test
  void aSampleOfRejectsPerReason() {
    String out = dir.resolve("sampled").toString();
    FilterJob.run(spark, settings("""
        rejected: sample
        rejected_per_reason: 1
        steps:
          - name: language_id
            params: {keep_languages: [eng]}
        """), "chain.yaml", out, false);
    assertThat(spark.read().parquet(out + "/_rejected").select("id").orderBy("id")
        .collectAsList()).extracting(r -> r.getString(0)).containsExactly("id1", "id4");
  }
}
