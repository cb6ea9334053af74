package dev.quarry.jobs.cli;

import static dev.quarry.jobs.cli.QuarryCliTest.quarry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.Json;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.jobs.corpus.SampleCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry bench} on a small generated crawl: 120 pages over 4 WARC files. */
class BenchCommandTest {
  private static final int PAGES = 120;
  private static final int SHARDS = 4;

  @TempDir
  static Path corpus;
  static Path warc;
  static List<Path> warcFiles;

  @TempDir
  Path dir;

  @BeforeAll
  static void writeTheCorpus() throws IOException {
    TestSpark.session();
    new SampleCorpus(7).write(new Configuration(), corpus.toString(), PAGES, SHARDS);
    warc = corpus.resolve("warc");
    try (Stream<Path> files = Files.list(warc)) {
      warcFiles = files.sorted().toList();
    }
    assertThat(warcFiles).hasSize(SHARDS);
  }

  @Test
  void scalingRunWithBaselineReportsAndAppendsResults() throws IOException {
    Path results = dir.resolve("results/bench.jsonl");
    Path work = dir.resolve("work");
    QuarryCliTest.Run run = quarry("bench", "ingest", "--input", warc.toString(), "--repeat",
        "1", "--scale", "1,2,4", "--baseline", "warc-scan", "--results", results.toString(),
        "--work-dir", work.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("stage             scale     run  input MB  docs in  kept  "
            + "wall s  MB/s/core  docs/s/core  kept/s/core  peak heap MB  peak RSS MB")
        .contains("scaling of ingest:\nscale  files  input MB  median wall s")
        .contains("cost/MB vs 1x")
        .contains("ingest vs baseline warc-scan (medians; wall ratio = ingest / warc-scan")
        .contains("bench: appended 12 results to " + results);
    assertThat(run.out().lines().filter(l -> l.matches("^ingest(/warc-scan)? +[124]x +median .*")))
        .hasSize(6);

    List<JsonNode> lines = read(results);
    // 3 steps x (ingest, warc-scan) x (run 1, median)
    assertThat(lines).hasSize(12);
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode line : lines) {
      int scale = line.get("scale").asInt();
      int files = SHARDS * scale / 4;
      assertThat(line.get("stage").asText()).isEqualTo("ingest");
      assertThat(line.get("input_files").asInt()).isEqualTo(files);
      assertThat(line.get("input_bytes").asLong()).isEqualTo(sizeOfFirst(files));
      assertThat(line.get("input").get(0).asText()).isEqualTo(warc.toString());
      assertThat(line.get("input_format").asText()).isEqualTo("warc");
      assertThat(line.get("wall_seconds").asDouble()).isPositive().isLessThan(120);
      assertThat(line.get("spark_cores").asInt()).isEqualTo(2);
      assertThat(line.get("spark_master").asText()).isEqualTo("local[2]");
      assertThat(line.get("mb_per_s_per_core").asDouble()).isCloseTo(
          line.get("input_bytes").asLong() / 1e6 / line.get("wall_seconds").asDouble() / 2,
          org.assertj.core.data.Percentage.withPercentage(1e-6));
      assertThat(line.get("docs_per_s_per_core").asDouble()).isCloseTo(
          line.get("records_in").asLong() / line.get("wall_seconds").asDouble() / 2,
          org.assertj.core.data.Percentage.withPercentage(1e-6));
      // The generator plants one corrupt record per WARC file.
      assertThat(line.get("errors").asLong()).isEqualTo(files);
      assertThat(line.get("records_in").asLong()).isGreaterThan(2L * PAGES / SHARDS * files);
      assertThat(line.get("peak_rss_bytes").asLong()).isGreaterThan(50_000_000L);
      assertThat(line.get("peak_rss_source").asText()).isIn("vmhwm", "vmhwm_since_start");
      JsonNode heap = line.get("peak_heap_bytes");
      assertThat(heap.isNull() || heap.asLong() > 0).as("peak heap %s", heap).isTrue();
      assertThat(line.get("quarry_version").asText()).isNotBlank();
      assertThat(line.get("git_commit").asText()).isNotBlank();
      assertThat(line.get("machine").get("cores_available").asInt())
          .isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(line.get("machine").get("memory_bytes").asLong()).isGreaterThan(1L << 28);
      assertThat(line.get("spark_conf").get("spark.sql.shuffle.partitions").asText())
          .isEqualTo("4");
      String baseline = line.get("baseline").isNull() ? "ingest" : line.get("baseline").asText();
      byKey.put(baseline + "/" + scale + "/" + line.get("run").asText(), line);
    }
    assertThat(byKey).hasSize(12);
    for (int scale : new int[] {1, 2, 4}) {
      JsonNode ingest = byKey.get("ingest/" + scale + "/1");
      JsonNode scan = byKey.get("warc-scan/" + scale + "/1");
      assertThat(ingest.get("run").isInt()).isTrue();
      assertThat(ingest.get("kept").asLong()).isEqualTo((long) PAGES * scale / 4);
      assertThat(ingest.get("rejected").asLong() + ingest.get("kept").asLong()
          + ingest.get("errors").asLong()).isEqualTo(ingest.get("records_in").asLong());
      // Both read every record of the same files.
      assertThat(scan.get("records_in").asLong()).isEqualTo(ingest.get("records_in").asLong());
      assertThat(scan.get("kept").isNull()).isTrue();
      assertThat(scan.get("extra").get("payload_bytes").asLong())
          .isGreaterThan(sizeOfFirst(scale));
      JsonNode median = byKey.get("ingest/" + scale + "/median");
      assertThat(median.get("wall_seconds").asDouble())
          .isEqualTo(ingest.get("wall_seconds").asDouble());
    }
    // The last run into work/ingest/run-1 was the 4x step: its manifest has the same counts.
    JsonNode accounting = Json.mapper().readTree(work.resolve("ingest/run-1/manifest.json")
        .toFile()).get("accounting");
    assertThat(byKey.get("ingest/4/1").get("records_in").asLong())
        .isEqualTo(accounting.get("records_in").asLong());
    assertThat(byKey.get("ingest/4/1").get("kept").asLong())
        .isEqualTo(accounting.get("kept").asLong());

    Path mixSpec = dir.resolve("bench-mix.yaml");
    Files.writeString(mixSpec, String.join("\n", "name: small", "tokenizer: r50k_base",
        "formats: [megatron, olmo]", "tokens_per_shard: 1000", "sources:", "  - name: all",
        "    input: ${input}", "    tokens: 3000", "    max_epochs: 100", ""));
    QuarryCliTest.Run again = quarry("bench", "all", "--input", warc.toString(), "--repeat",
        "1", "--results", results.toString(), "--work-dir", work.toString(), "--filter-config",
        Path.of("..", "conf", "filters", "default.yaml").toString(), "--mix-spec",
        mixSpec.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    List<JsonNode> appended = read(results);
    assertThat(appended).hasSize(20);
    // bench all: ingest, then filter over what ingest kept, then dedup over what filter kept.
    JsonNode filtered = appended.get(14);
    assertThat(filtered.get("stage").asText()).isEqualTo("filter");
    assertThat(filtered.get("records_in").asLong()).isEqualTo(appended.get(12).get("kept")
        .asLong());
    assertThat(filtered.get("kept").asLong() + filtered.get("rejected").asLong())
        .isEqualTo(filtered.get("records_in").asLong());
    assertThat(filtered.get("extra").get("step_language_id_ms").asLong()).isPositive();
    JsonNode deduped = appended.get(16);
    assertThat(deduped.get("stage").asText()).isEqualTo("dedup");
    assertThat(deduped.get("records_in").asLong()).isEqualTo(filtered.get("kept").asLong());
    assertThat(deduped.get("extra").get("cc_rounds").asLong()).isPositive();
    // ... and a mix of what dedup kept.
    JsonNode mix = appended.get(18);
    assertThat(mix.get("stage").asText()).isEqualTo("mix");
    assertThat(mix.get("records_in").asLong()).isEqualTo(deduped.get("kept").asLong());
    assertThat(mix.get("extra").get("mix_tokens").asLong()).isBetween(3000L, 3000L + 2000);
    // A shard starts in each span of 1,000 tokens that a document starts in.
    assertThat(mix.get("extra").get("mix_shards").asLong()).isBetween(1L, 5L);
    assertThat(mix.get("extra").get("text_bytes").asLong())
        .isGreaterThan(mix.get("records_in").asLong());
    assertThat(work.resolve("mix/run-1/small/v0001/_SUCCESS")).exists();
    assertThat(appended.subList(0, 12)).isEqualTo(lines);
    assertThat(appended.get(12).get("run").asInt()).isEqualTo(1);
    assertThat(appended.get(13).get("run").asText()).isEqualTo("median");
    assertThat(appended.get(13).get("scale").isNull()).isTrue();
    assertThat(appended.get(13).get("input_bytes").asLong()).isEqualTo(sizeOfFirst(SHARDS));
    assertThat(again.out()).doesNotContain("scaling of");
  }

  @Test
  void theResultsFileDefaultsToTheWorkDirectory() {
    QuarryCliTest.Run run = quarry("bench", "ingest", "--input", warcFiles.get(0).toString(),
        "--repeat", "1", "--work-dir", dir.resolve("w").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(dir.resolve("w/bench-results.jsonl")).exists();
    assertThat(dir.resolve("w/ingest/run-1/_SUCCESS")).exists();
  }

  @Test
  void unknownStageExitsTwoListingTheStages() {
    QuarryCliTest.Run run = quarry("bench", "dedupe", "--input", warc.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown stage 'dedupe'; stages: ingest, filter, dedup, mix, all");
  }

  @Test
  void unknownBaselineExitsTwoListingTheStagesBaselines() {
    QuarryCliTest.Run run = quarry("bench", "ingest", "--input", warc.toString(),
        "--baseline", "minhash", "--work-dir", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--baseline: unknown baseline 'minhash'; ingest has "
        + "warc-scan (");
  }

  @Test
  void tooFewFilesForTheScaleExitsTwoSayingHowMany() {
    QuarryCliTest.Run run = quarry("bench", "ingest", "--input", warc.toString(), "--scale",
        "1,2,4,8", "--work-dir", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--scale: scale 8 needs at least 8 input files")
        .contains("--input has 4").contains("quarry gen-corpus --shard-size <size / 8>");
    assertThat(dir.resolve("ingest")).doesNotExist();
  }

  @Test
  void mixedFormatsExitTwoNamingTheFiles() throws IOException {
    Path mixed = Files.createDirectories(dir.resolve("mixed"));
    Files.copy(warcFiles.get(0), mixed.resolve("a.warc.gz"));
    Files.copy(corpus.resolve("jsonl/quarry-sample-00000.jsonl"), mixed.resolve("b.jsonl"));
    QuarryCliTest.Run run = quarry("bench", "ingest", "--input", mixed.toString(),
        "--work-dir", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--input: the files mix formats (warc: a.warc.gz; jsonl: "
        + "b.jsonl); give files of one format, or pass --format");
  }

  @Test
  void warcScanRefusesInputThatIsNotWarc() {
    QuarryCliTest.Run run = quarry("bench", "ingest", "--input",
        corpus.resolve("jsonl").toString(), "--baseline", "warc-scan", "--work-dir",
        dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--baseline: warc-scan reads WARC and WET files only, and "
        + "the input is jsonl");
  }

  @Test
  void badRepeatAndScaleExitTwoNamingTheOption() {
    QuarryCliTest.Run repeat = quarry("bench", "ingest", "--input", warc.toString(),
        "--repeat", "0");
    assertThat(repeat.exit()).isEqualTo(2);
    assertThat(repeat.err()).contains("command line: --repeat: must be at least 1 (got 0)");
    QuarryCliTest.Run scale = quarry("bench", "ingest", "--input", warc.toString(),
        "--scale", "1,two");
    assertThat(scale.exit()).isEqualTo(2);
    assertThat(scale.err()).contains("command line: --scale: 'two' is not a positive whole "
        + "number");
  }

  @Test
  void helpListsStagesBaselinesAndExitCodes() {
    for (String[] args : new String[][] {{"bench", "--help"}, {"bench", "ingest", "--help"}}) {
      QuarryCliTest.Run run = quarry(args);
      assertThat(run.exit()).isZero();
      assertThat(run.out()).contains("Usage: quarry bench").contains("Exit codes:")
          .contains("ingest, filter, dedup, mix, all").contains("warc-scan (ingest)")
          .contains("mllib-minhash-lsh (dedup)").contains("--scale")
          .contains("2   bad option");
    }
  }

  private static long sizeOfFirst(int files) throws IOException {
    long size = 0;
    for (Path file : warcFiles.subList(0, files)) {
      size += Files.size(file);
    }
    return size;
  }

  private static List<JsonNode> read(Path results) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(results)) {
      lines.add(Json.mapper().readTree(line));
    }
    return lines;
  }
}
