package dev.quarry.dedup.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.Document;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.spark.CommittedDocuments;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.core.text.WordShingles;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.DedupSettings;
import dev.quarry.dedup.DocumentKeys;
import dev.quarry.dedup.Texts;
import dev.quarry.dedup.minhash.MinHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupJobTest {
  @TempDir
  static Path dir;
  static SparkSession spark;
  static String first;
  static String second;
  static String article;
  static String nearCopy;

  static Document doc(String id, String text, Double quality, String fetched) {
    return new Document(id, text, "https://site.example/" + id, "test", null, "mem:" + id, null,
        fetched == null ? null : Instant.parse(fetched), "eng", 0.99,
        quality == null ? Map.of() : Map.of("quality", quality), null);
  }

  @BeforeAll
  static void documents() {
    spark = TestSpark.session();
    Random random = new Random(3);
    article = Texts.random(random, 400);
    nearCopy = Texts.edited(random, article, 0.01);
    List<Document> one = new ArrayList<>();
    one.add(doc("a-original", article, 0.2, "2024-01-01T00:00:00Z"));
    one.add(doc("b-exact-copy", article.replace(" ", "  \n "), 0.5, "2024-02-01T00:00:00Z"));
    one.add(doc("c-unrelated", Texts.random(random, 400), null, null));
    one.add(doc("s1-short", "Hello world", null, null));
    one.add(doc("s2-short", "Good night", null, null));
    List<Document> two = new ArrayList<>();
    two.add(doc("d-near-copy", nearCopy, 0.9, "2024-03-01T00:00:00Z"));
    two.add(doc("s3-short", "Hello   world", null, null));
    two.add(doc("e-unrelated", Texts.random(random, 400), null, null));
    first = CommittedDocuments.write(spark, dir.resolve("one").toString(), one);
    second = CommittedDocuments.write(spark, dir.resolve("two").toString(), two);
  }

  static DedupSettings settings(String yaml) {
    return new DedupSettings(List.of(first, second),
        YamlConfig.parse(yaml, "dedup.yaml", DedupOptions.class));
  }

  static Map<String, String> rows(String path, String... columns) {
    Map<String, String> out = new TreeMap<>();
    for (Row row : spark.read().parquet(path).selectExpr(columns).collectAsList()) {
      out.put(row.getString(0), row.toString());
    }
    return out;
  }

  @Test
  void keepsOneCopyPerClusterByTheKeepRuleAndRecordsWhy() {
    assertThat(WordShingles.jaccard(article, nearCopy, 5)).isGreaterThan(0.9);
    String out = dir.resolve("by-quality").toString();
    StageRunner.Result result = DedupJob.run(spark, settings(
        "keep: [{attr: quality, order: desc}]"), out, false, null);
    assertThat(result.ran()).isTrue();
    Map<String, String> kept = new TreeMap<>();
    for (Row row : Datasets.read(spark, out).select("id", "cluster_id", "dup_count")
        .collectAsList()) {
      kept.put(row.getString(0), row.toString());
    }
    assertThat(kept).containsOnlyKeys("d-near-copy", "c-unrelated", "e-unrelated", "s1-short",
        "s2-short");
    assertThat(kept.get("d-near-copy")).isEqualTo("[d-near-copy,a-original,2]");
    assertThat(kept.get("s1-short")).isEqualTo("[s1-short,s1-short,1]");
    assertThat(kept.get("c-unrelated")).isEqualTo("[c-unrelated,null,0]");
    assertThat(rows(out + "/_rejected", "id", "reject_reason", "reject_stage")).containsExactly(
        Map.entry("a-original", "[a-original,near_duplicate,dedup]"),
        Map.entry("b-exact-copy", "[b-exact-copy,near_duplicate,dedup]"),
        Map.entry("s3-short", "[s3-short,exact_duplicate,dedup]"));
    assertThat(rows(out + "/_clusters", "id", "cluster_id", "cluster_size", "kept"))
        .containsExactly(
            Map.entry("a-original", "[a-original,a-original,3,false]"),
            Map.entry("b-exact-copy", "[b-exact-copy,a-original,3,false]"),
            Map.entry("d-near-copy", "[d-near-copy,a-original,3,true]"),
            Map.entry("s1-short", "[s1-short,s1-short,2,true]"),
            Map.entry("s3-short", "[s3-short,s1-short,2,false]"));
    assertThat(result.accounting().recordsIn()).isEqualTo(8);
    assertThat(result.accounting().kept()).isEqualTo(5);
    assertThat(result.accounting().rejected())
        .containsEntry("near_duplicate", 2L).containsEntry("exact_duplicate", 1L);
  }

  @Test
  void theDefaultKeepsTheEarliestFetchedCopyAndExactCopiesOfItAreExactDuplicates() {
    String out = dir.resolve("default").toString();
    DedupJob.run(spark, settings("verify: true"), out, false, null);
    assertThat(rows(out + "/_rejected", "id", "reject_reason")).containsExactly(
        Map.entry("b-exact-copy", "[b-exact-copy,exact_duplicate]"),
        Map.entry("d-near-copy", "[d-near-copy,near_duplicate]"),
        Map.entry("s3-short", "[s3-short,exact_duplicate]"));
    DedupJob.run(spark, settings("verify: true"), out, false, null);
    assertThat(DedupJob.run(spark, settings("verify: true"), out, false, null).ran()).isFalse();
  }

  @Test
  void shortTextsAreOnlyExactDuplicatesNeverASharedSignature() {
    String out = dir.resolve("short").toString();
    StageRunner.Result result = DedupJob.run(spark, settings("ngram: 5"), out, false, null);
    assertThat(result.accounting().kept()).isEqualTo(5);
    Map<String, String> clusters = rows(out + "/_clusters", "id", "cluster_id");
    assertThat(clusters).doesNotContainKey("s2-short");
  }

  @Test
  void theManifestHasTextLengthsOfEveryDocumentAndOfTheKept() throws Exception {
    String out = dir.resolve("lengths").toString();
    StageRunner.Result result = DedupJob.run(spark, settings("verify: true"), out, false, null);
    com.fasterxml.jackson.databind.JsonNode histograms = dev.quarry.core.config.Json.mapper()
        .readTree(Path.of(out, "manifest.json").toFile()).get("stats").get("histograms");
    long keptChars = Datasets.read(spark, out).selectExpr("sum(length(text))").first()
        .getLong(0);
    assertThat(histograms.get("text_chars_in").get("count").asLong())
        .isEqualTo(result.accounting().recordsIn());
    assertThat(histograms.get("kept_text_chars").get("count").asLong())
        .isEqualTo(result.accounting().kept());
    assertThat(histograms.get("kept_text_chars").get("sum").asLong()).isEqualTo(keptChars);
    assertThat(histograms.get("text_chars_in").get("sum").asLong()).isGreaterThan(keptChars);
  }

  @Test
  void theManifestCountsTheKeptPerLanguageAsTheDataHasThem() throws Exception {
    String input = dir.resolve("languages-in").toString();
    String sentence = "the library opens later in summer after the council vote on tuesday";
    CommittedDocuments.write(spark, input, List.of(
        doc("en-1", sentence, null, null),
        doc("en-2", sentence, null, null),
        doc("de-1", "die bibliothek hat im sommer laenger geoeffnet sagt der stadtrat heute",
            null, null).withLang("deu", 0.97),
        doc("xx-1", "unidentified words one two three four five six seven eight nine ten",
            null, null).withLang(null, null)));
    String out = dir.resolve("languages").toString();
    DedupJob.run(spark, new DedupSettings(List.of(input),
        YamlConfig.parse("verify: true", "dedup.yaml", DedupOptions.class)), out, false, null);
    com.fasterxml.jackson.databind.JsonNode counters = dev.quarry.core.config.Json.mapper()
        .readTree(Path.of(out, "manifest.json").toFile()).get("stats").get("counters");
    assertThat(Datasets.read(spark, out).count()).isEqualTo(3);
    assertThat(counters.get("kept_lang.eng").asLong()).isEqualTo(1);
    assertThat(counters.get("kept_lang.deu").asLong()).isEqualTo(1);
    assertThat(counters.get("kept_lang.none").asLong()).isEqualTo(1);
  }

  @Test
  void aNewDatasetIsDedupedAgainstTheIndexOfAnEarlierRunWhoseDocumentsAlwaysStay() {
    String earlier = dir.resolve("earlier").toString();
    DedupJob.run(spark, new DedupSettings(List.of(first), DedupOptions.defaults()), earlier,
        false, null);
    assertThat(rows(earlier + "/" + EarlierIndex.DIR, "id")).containsOnlyKeys("a-original",
        "c-unrelated", "s1-short", "s2-short");

    String later = dir.resolve("later").toString();
    DedupOptions byQuality = YamlConfig.parse("keep: [{attr: quality, order: desc}]",
        "dedup.yaml", DedupOptions.class);
    StageRunner.Result result = DedupJob.run(spark, new DedupSettings(List.of(second),
        List.of(earlier), byQuality), later, false, null);
    assertThat(result.accounting().recordsIn()).isEqualTo(3);
    assertThat(rows(later + "/_rejected", "id", "reject_reason")).containsExactly(
        Map.entry("d-near-copy", "[d-near-copy,near_duplicate]"),
        Map.entry("s3-short", "[s3-short,exact_duplicate]"));
    assertThat(rows(later + "/_clusters", "id", "kept_id", "earlier", "kept")).containsExactly(
        Map.entry("a-original", "[a-original,a-original,true,true]"),
        Map.entry("d-near-copy", "[d-near-copy,a-original,false,false]"),
        Map.entry("s1-short", "[s1-short,s1-short,true,true]"),
        Map.entry("s3-short", "[s3-short,s1-short,false,false]"));
    assertThat(rows(later + "/" + EarlierIndex.DIR, "id")).containsOnlyKeys("e-unrelated");
  }

  @Test
  void anIndexMadeWithOtherSettingsIsRefusedNamingTheOption() throws Exception {
    String earlier = dir.resolve("earlier-5").toString();
    DedupJob.run(spark, new DedupSettings(List.of(first), DedupOptions.defaults()), earlier,
        false, null);
    DedupOptions otherShingles = YamlConfig.parse("ngram: 4", "dedup.yaml", DedupOptions.class);
    assertThatThrownBy(() -> DedupJob.run(spark, new DedupSettings(List.of(second),
        List.of(earlier), otherShingles), dir.resolve("x").toString(), false, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("ngram")
        .hasMessageContaining("must be 5 as in the index");
    Path manifest = Path.of(earlier, "manifest.json");
    Files.writeString(manifest, Files.readString(manifest).replaceAll(
        "\"hash_family\"\\s*:\\s*\"[^\"]*\"", "\"hash_family\": \"mod-mersenne-61\""));
    Files.deleteIfExists(Path.of(earlier, ".manifest.json.crc")); // Hadoop's checksum of it
    assertThatThrownBy(() -> DedupJob.run(spark, new DedupSettings(List.of(second),
        List.of(earlier), DedupOptions.defaults()), dir.resolve("z").toString(), false, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("index[0]")
        .hasMessageContaining("hash family mod-mersenne-61")
        .hasMessageContaining("makes " + DocumentKeys.HASH_FAMILY)
        .hasMessageContaining("dedup without this index");
    assertThatThrownBy(() -> DedupJob.run(spark, new DedupSettings(List.of(second),
        List.of(first), DedupOptions.defaults()), dir.resolve("y").toString(), false, null))
        .hasMessageContaining("index[0]").hasMessageContaining("output of an earlier dedup run");
  }
}
