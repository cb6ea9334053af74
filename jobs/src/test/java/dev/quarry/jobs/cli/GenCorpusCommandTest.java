package dev.quarry.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.core.Hashing;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.core.text.WordShingles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gen-corpus as a user runs it: size, determinism, and truth that matches the data. */
class GenCorpusCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static Path jsonl;

  @BeforeAll
  static void generate() {
    TestSpark.session();
    jsonl = dir.resolve("jsonl");
    QuarryCliTest.Run run = QuarryCliTest.quarry("gen-corpus", "--size", "3MB", "--format",
        "jsonl", "--seed", "5", "--shard-size", "1MB", "--output", jsonl.toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void theCorpusHasTheSizeAskedForAndTheSameBytesEveryTime() throws IOException {
    Path again = dir.resolve("jsonl-again");
    assertThat(QuarryCliTest.quarry("gen-corpus", "--size", "3MB", "--format", "jsonl",
        "--seed", "5", "--shard-size", "1MB", "--output", again.toString()).exit()).isZero();
    Map<String, String> first = fileHashes(jsonl);
    assertThat(first.keySet()).contains("part-00000.jsonl", "part-00002.jsonl",
        "truth/duplicates-00000.jsonl", "truth/pages-00002.jsonl", "truth/pii-00001.jsonl");
    assertThat(fileHashes(again)).isEqualTo(first);
    long dataBytes = 0;
    try (Stream<Path> files = Files.list(jsonl)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        dataBytes += Files.size(p);
      }
    }
    assertThat(dataBytes).isBetween(2_700_000L, 3_300_000L);

    Path otherSeed = dir.resolve("jsonl-seed-6");
    assertThat(QuarryCliTest.quarry("gen-corpus", "--size", "3MB", "--format", "jsonl",
        "--seed", "6", "--shard-size", "1MB", "--output", otherSeed.toString()).exit()).isZero();
    assertThat(fileHashes(otherSeed).get("part-00000.jsonl"))
        .isNotEqualTo(first.get("part-00000.jsonl"));
  }

  @Test
  void plantedNearDuplicatesHaveTheirIntendedSimilarity() throws IOException {
    Map<String, String> texts = new HashMap<>();
    for (JsonNode row : jsonLines(jsonl, "part-")) {
      texts.put(row.get("id").asText(), row.get("text").asText());
    }
    int near = 0;
    int exact = 0;
    for (JsonNode dup : jsonLines(jsonl.resolve("truth"), "duplicates-")) {
      String copy = texts.get(dup.get("id").asText());
      String original = texts.get(dup.get("original_id").asText());
      assertThat(copy).isNotNull();
      assertThat(original).as("the original of %s is in the corpus", dup.get("id")).isNotNull();
      double intended = dup.get("intended_similarity").asDouble();
      if (dup.get("kind").asText().equals("exact_duplicate")) {
        assertThat(copy).isEqualTo(original);
        exact++;
      } else {
        assertThat(WordShingles.jaccard(copy, original, 5)).as("%s", dup)
            .isCloseTo(intended, within(0.02));
        assertThat(intended).isBetween(0.5, 0.98);
        near++;
      }
    }
    assertThat(near).isGreaterThan(20);
    assertThat(exact).isGreaterThan(10);
  }

  @Test
  void pageAndPiiTruthMatchTheData() throws IOException {
    Map<String, String> texts = new HashMap<>();
    for (JsonNode row : jsonLines(jsonl, "part-")) {
      texts.put(row.get("id").asText(), row.get("text").asText());
    }
    Map<String, Integer> kinds = new TreeMap<>();
    List<JsonNode> pages = jsonLines(jsonl.resolve("truth"), "pages-");
    for (JsonNode page : pages) {
      kinds.merge(page.get("kind").asText(), 1, Integer::sum);
      assertThat(texts.get(page.get("id").asText())).hasSize(page.get("main_text_chars").asInt());
    }
    assertThat(pages).hasSize(texts.size());
    assertThat(kinds).containsOnlyKeys("article", "article_with_pii", "exact_duplicate",
        "near_duplicate", "spam", "repetitive", "list_only", "gibberish", "too_short");
    List<JsonNode> pii = jsonLines(jsonl.resolve("truth"), "pii-");
    assertThat(pii).hasSizeGreaterThan(30);
    for (JsonNode span : pii) {
      String text = texts.get(span.get("id").asText());
      assertThat(text.substring(span.get("start").asInt(), span.get("end").asInt()))
          .isEqualTo(span.get("value").asText());
    }
    assertThat(pii).extracting(n -> n.get("type").asText()).contains("email", "phone", "ipv4");
  }

  @Test
  void warcPagesIngestWithTheirNearDuplicatesIntact() throws IOException {
    Path warc = dir.resolve("warc");
    assertThat(QuarryCliTest.quarry("gen-corpus", "--size", "2MB", "--format", "warc",
        "--seed", "9", "--shard-size", "1MB", "--output", warc.toString()).exit()).isZero();
    String docs = dir.resolve("warc-docs").toString();
    assertThat(QuarryCliTest.quarry("ingest", "--input", warc + "/*.warc.gz", "--format", "warc",
        "--output", docs).exit()).isZero();
    Map<String, String> textByUrl = new HashMap<>();
    for (Row row : Datasets.read(TestSpark.session(), docs).select("url", "text")
        .collectAsList()) {
      textByUrl.put(row.getString(0), row.getString(1));
    }
    Map<String, String> urlById = new HashMap<>();
    List<JsonNode> pages = jsonLines(warc.resolve("truth"), "pages-");
    pages.forEach(p -> urlById.put(p.get("id").asText(), p.get("url").asText()));
    assertThat(textByUrl).hasSize(pages.size());
    List<Double> errors = new ArrayList<>();
    for (JsonNode dup : jsonLines(warc.resolve("truth"), "duplicates-")) {
      if (dup.get("kind").asText().equals("near_duplicate")) {
        double actual = WordShingles.jaccard(textByUrl.get(urlById.get(dup.get("id").asText())),
            textByUrl.get(urlById.get(dup.get("original_id").asText())), 5);
        errors.add(Math.abs(actual - dup.get("intended_similarity").asDouble()));
      }
    }
    errors.sort(null);
    System.out.printf("near duplicates after WARC ingest: %d, |actual - intended| median %.4f,"
        + " p90 %.4f, max %.4f%n", errors.size(), errors.get(errors.size() / 2),
        errors.get(errors.size() * 9 / 10), errors.get(errors.size() - 1));
    assertThat(errors).hasSizeGreaterThan(10);
    // Extraction adds or drops a line now and then; the similarity survives it.
    assertThat(errors.get(errors.size() * 9 / 10)).as("90th percentile error %s", errors)
        .isLessThan(0.05);
  }

  @Test
  void badOptionsNameTheOption() {
    QuarryCliTest.Run size = QuarryCliTest.quarry("gen-corpus", "--size", "lots", "--output",
        dir.resolve("x").toString());
    assertThat(size.exit()).isEqualTo(2);
    assertThat(size.err()).contains("--size").contains("500MB");
    QuarryCliTest.Run lang = QuarryCliTest.quarry("gen-corpus", "--size", "1MB", "--languages",
        "eng=1,xx=2", "--output", dir.resolve("x").toString());
    assertThat(lang.exit()).isEqualTo(2);
    assertThat(lang.err()).contains("--languages").contains("unknown language 'xx'");
    QuarryCliTest.Run format = QuarryCliTest.quarry("gen-corpus", "--size", "1MB", "--format",
        "pdf", "--output", dir.resolve("x").toString());
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("--format").contains("warc, wet, jsonl, parquet");
  }

  private static Map<String, String> fileHashes(Path root) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(p).toString();
        if (!name.equals("manifest.json") && !name.startsWith(".")) {
          hashes.put(name, Hashing.sha256Hex(Files.readAllBytes(p)));
        }
      }
    }
    return hashes;
  }

  private static List<JsonNode> jsonLines(Path directory, String prefix) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix)
          && f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(p)) {
          rows.add(JSON.readTree(line));
        }
      }
    }
    return rows;
  }
}
