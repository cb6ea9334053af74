package dev.quarry.jobs.cli;

import static dev.quarry.jobs.cli.QuarryCliTest.quarry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.Document;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.CommittedDocuments;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.jobs.corpus.GeneratedPage;
import dev.quarry.jobs.corpus.PageGenerator;
import dev.quarry.jobs.corpus.PageKind;
import dev.quarry.jobs.corpus.TextMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quarry classifier train} on a learnable task built from the corpus generator: the main
 * text of its articles (clean prose, every language) against its planted low-quality pages
 * (keyword spam, gibberish).
 */
class ClassifierCommandTest {
  private static final int PAGES = 4000;
  /**
   * The planted pages a bag of n-grams can tell from prose. Repetitive pages (one real sentence
   * repeated) and link lists (real headlines) are made of the articles' own words: no linear
   * model over n-gram shares separates them (held-out ROC-AUC 0.80 with them in), and the
   * heuristics (Gopher repetition, C4 lines) are what catches them.
   */
  private static final Set<PageKind> LOW_QUALITY = EnumSet.of(PageKind.SPAM,
      PageKind.GIBBERISH);

  @TempDir
  static Path dir;
  static String prose;
  static String junk;
  static int junkPages;

  @BeforeAll
  static void writeTheTwoSides() {
    SparkSession spark = TestSpark.session();
    PageGenerator generator = new PageGenerator(11, TextMaterial.load());
    List<Document> articles = new ArrayList<>();
    List<Document> lowQuality = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      GeneratedPage page = generator.page(i);
      if (page.kind() == PageKind.ARTICLE) {
        articles.add(document(page));
      } else if (LOW_QUALITY.contains(page.kind())) {
        lowQuality.add(document(page));
      }
    }
    junkPages = lowQuality.size();
    prose = CommittedDocuments.write(spark, dir.resolve("prose").toString(), articles);
    junk = CommittedDocuments.write(spark, dir.resolve("junk").toString(), lowQuality);
  }

  private static Document document(GeneratedPage page) {
    return new Document(page.id(), page.mainText(), page.url(), "gen", "GEN", page.id(), null,
        null, page.lang(), null, null, null);
  }

  @Test
  void learnsProseFromJunkAndScoresLikeMllib() throws IOException {
    Path model = dir.resolve("model");

    QuarryCliTest.Run run = quarry("classifier", "train", "--positive", prose, "--negative",
        junk, "--output", model.toString(), "--seed", "3", "--holdout", "0.2");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(model.resolve("model.bin")).exists();
    assertThat(model.resolve("_SUCCESS")).exists();
    JsonNode card = Json.mapper().readTree(model.resolve("model.json").toFile());
    JsonNode heldOut = card.path("held_out");
    // In the test report, for docs/classifiers.md.
    System.out.println("classifier card: training " + card.path("training_documents")
        + ", held out " + heldOut.path("held_out_documents") + ", roc_auc "
        + heldOut.path("roc_auc") + ", java vs mllib " + heldOut.path(
            "max_abs_difference_java_vs_mllib") + ", at thresholds " + heldOut.path("at_thresholds")
        + ", calibration " + heldOut.path("calibration"));
    assertThat(junkPages).isGreaterThan(250);
    assertThat(card.path("inputs").path("negative").path("sampled").asLong())
        .isEqualTo(junkPages);
    assertThat(card.path("inputs").path("positive").path("datasets").get(0)
        .path("manifest_sha256").asText()).hasSize(64);
    assertThat(heldOut.path("held_out_documents").asLong()).isGreaterThan(80);
    assertThat(heldOut.path("roc_auc").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(heldOut.path("max_abs_difference_java_vs_mllib").asDouble())
        .isLessThanOrEqualTo(1e-6);
    assertThat(heldOut.path("at_thresholds")).hasSize(9);
    assertThat(heldOut.path("calibration").size()).isBetween(2, 10);
    long binned = 0;
    for (JsonNode bin : heldOut.path("calibration")) {
      binned += bin.path("documents").asLong();
    }
    assertThat(binned).isEqualTo(heldOut.path("held_out_documents").asLong());
    assertThat(card.path("features").asText()).isEqualTo("word-ngrams:1-2");
    assertThat(card.path("seed").asLong()).isEqualTo(3);

    // Scored in a filter chain, then selected on by a mix spec's source filter.
    Path chain = dir.resolve("chain.yaml");
    Files.writeString(chain, String.join("\n", "mode: annotate", "steps:",
        "  - name: classifier", "    params:", "      model: " + model, "      name: quality",
        "      per_paragraph: true", ""));
    Path scored = dir.resolve("scored");
    QuarryCliTest.Run filter = quarry("filter", "--input", junk, "--config", chain.toString(),
        "--output", scored.toString());
    assertThat(filter.exit()).as(filter.err()).isZero();
    List<Row> scores = Datasets.read(TestSpark.session(), scored.toString())
        .selectExpr("attrs['quality']", "attrs['quality.paragraph_min']").collectAsList();
    assertThat(scores).hasSize(junkPages);
    long lowScored = scores.stream().filter(r -> r.getDouble(0) < 0.5).count();
    assertThat(lowScored).isGreaterThan(junkPages * 8L / 10);
    Path spec = dir.resolve("mix.yaml");
    Files.writeString(spec, String.join("\n", "name: scored", "tokenizer: r50k_base",
        "tokens_per_shard: 100000000", "sources:", "  - name: low", "    input: " + scored,
        "    filter: \"attrs['quality'] < 0.5\"", "    tokens: 1000", ""));
    QuarryCliTest.Run mix = quarry("mix", "create", spec.toString(), "--root",
        dir.resolve("mixes").toString());
    assertThat(mix.exit()).as(mix.err()).isZero();
    JsonNode source = Json.mapper().readTree(dir.resolve("mixes/scored/v0001/manifest.json")
        .toFile()).path("sources").get(0);
    assertThat(source.path("documents_available").asLong()).isEqualTo(lowScored);

    QuarryCliTest.Run again = quarry("classifier", "train", "--positive", prose, "--negative",
        junk, "--output", model.toString(), "--seed", "3", "--holdout", "0.2");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out() + again.err()).contains("up to date");
  }

  /**
   * A toxicity classifier from labelled JSON Lines the user supplies: ingested into datasets,
   * trained with the toxic side as positive, and used with max_score to drop.
   */
  @Test
  void trainsAToxicityClassifierFromLabelledJsonLines() throws IOException {
    List<String> toxic = new ArrayList<>();
    List<String> clean = new ArrayList<>();
    PageGenerator generator = new PageGenerator(29, TextMaterial.load());
    for (int i = 0; toxic.size() < 150 || clean.size() < 150; i++) {
      GeneratedPage page = generator.page(i);
      String line = "{\"id\": \"" + page.id() + "\", \"text\": "
          + Json.mapper().writeValueAsString(page.mainText()) + "}";
      if (page.kind() == PageKind.SPAM && toxic.size() < 150) {
        toxic.add(line);
      } else if (page.kind() == PageKind.ARTICLE && clean.size() < 150) {
        clean.add(line);
      }
    }
    Path labelled = dir.resolve("labelled");
    Files.createDirectories(labelled);
    Files.write(labelled.resolve("toxic.jsonl"), toxic);
    Files.write(labelled.resolve("clean.jsonl"), clean);
    for (String side : List.of("toxic", "clean")) {
      QuarryCliTest.Run ingest = quarry("ingest", "--input",
          labelled.resolve(side + ".jsonl").toString(), "--format", "jsonl", "--source", side,
          "--output", dir.resolve("ds-" + side).toString());
      assertThat(ingest.exit()).as(ingest.err()).isZero();
    }

    Path model = dir.resolve("toxicity");
    QuarryCliTest.Run train = quarry("classifier", "train", "--positive",
        dir.resolve("ds-toxic").toString(), "--negative", dir.resolve("ds-clean").toString(),
        "--output", model.toString(), "--holdout", "0.2");
    assertThat(train.exit()).as(train.err()).isZero();
    JsonNode card = Json.mapper().readTree(model.resolve("model.json").toFile());
    assertThat(card.path("held_out").path("roc_auc").asDouble()).isGreaterThanOrEqualTo(0.95);

    Path chain = dir.resolve("toxicity.yaml");
    Files.writeString(chain, String.join("\n", "mode: filter", "rejected: all", "steps:",
        "  - name: classifier", "    params:", "      model: " + model,
        "      name: toxicity", "      max_score: 0.5", ""));
    QuarryCliTest.Run filter = quarry("filter", "--input", dir.resolve("ds-toxic").toString(),
        "--config", chain.toString(), "--output", dir.resolve("detoxed").toString());
    assertThat(filter.exit()).as(filter.err()).isZero();
    JsonNode manifest = Json.mapper().readTree(dir.resolve("detoxed/manifest.json").toFile());
    assertThat(manifest.path("accounting").path("rejected").path("toxicity_above_max").asLong())
        .isGreaterThan(140);
  }

  @Test
  void badOptionsNameTheOption() {
    QuarryCliTest.Run buckets = quarry("classifier", "train", "--positive", prose,
        "--negative", junk, "--output", dir.resolve("m2").toString(), "--buckets", "1000");
    assertThat(buckets.exit()).isEqualTo(2);
    assertThat(buckets.err()).contains("--buckets").contains("power of two");

    QuarryCliTest.Run notDataset = quarry("classifier", "train", "--positive",
        dir.resolve("nothing").toString(), "--negative", junk, "--output",
        dir.resolve("m3").toString());
    assertThat(notDataset.exit()).isEqualTo(2);
    assertThat(notDataset.err()).contains("--positive").contains("not a committed Quarry");
  }
}
