package dev.quarry.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.RecordedLogs;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.jobs.Quarry;
import dev.quarry.jobs.corpus.PlantedPii;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI as a user meets it: exit codes, messages and --help, on the bundled samples. */
public class QuarryCliTest {
  private static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  /** What a command printed and returned. */
  public record Run(int exit, String out, String err) {}

  @BeforeAll
  static void shareOneSparkSession() {
    TestSpark.session();
  }

  /** Runs a {@code quarry} command line in this JVM, on the shared session. */
  public static Run quarry(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Quarry.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ingest", "filter", "dedup", "run", "bench", "gen-samples",
      "gen-corpus", "mix", "mix create", "mix list", "mix show", "mix diff", "mix verify",
      "mix trace", "classifier", "classifier train", "report"})
  void everyCommandHasHelpWithExitCodes(String command) {
    java.util.List<String> args = new java.util.ArrayList<>(command.isEmpty() ? java.util.List.of()
        : java.util.List.of(command.split(" ")));
    args.add("--help");
    Run run = quarry(args.toArray(String[]::new));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Usage: quarry").contains("Exit codes:");
  }

  @Test
  void badArgumentsExitTwoNamingTheOption() {
    Run missing = quarry("ingest", "--format", "warc", "--output", dir.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--input=GLOB'");

    Run badFormat = quarry("ingest", "--input", "x", "--format", "pdf", "--output", "o");
    assertThat(badFormat.exit()).isEqualTo(2);
    assertThat(badFormat.err()).contains("--format").contains("warc, wet, jsonl, parquet, text");

    Run badRate = quarry("ingest", "--input", "x", "--format", "warc", "--output", "o",
        "--max-error-rate", "7");
    assertThat(badRate.exit()).isEqualTo(2);
    assertThat(badRate.err())
        .contains("command line: --max-error-rate: must be between 0.0 and 1.0 (got 7.0)");

    Run noFiles = quarry("ingest", "--input", dir + "/*.warc.gz", "--format", "warc",
        "--output", dir.resolve("o").toString());
    assertThat(noFiles.exit()).isEqualTo(2);
    assertThat(noFiles.err()).contains("--input: '" + dir + "/*.warc.gz' matches no files");
  }

  @Test
  void ingestOfTheSampleWarcThenRerunThenChangedOptionThenOverwrite() {
    String output = dir.resolve("warc").toString();
    String[] args = {"ingest", "--input", SAMPLES + "/warc/*.warc.gz", "--format", "warc",
        "--source", "sample", "--output", output};

    Run first = quarry(args);
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("ingest: output   file:" + output)
        .contains("ingest: manifest file:" + output + "/manifest.json")
        .contains("1 errors {corrupt_warc_header=1}");
    assertThat(Path.of(output, "_SUCCESS")).exists();

    Run second = quarry(args);
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("is up to date (same inputs and options), nothing to do");

    Run changed = quarry(append(args, "--crawl", "OTHER"));
    assertThat(changed.exit()).isEqualTo(2);
    assertThat(changed.err()).contains("different config or different inputs")
        .contains("Pass --overwrite to replace it");

    Run overwritten = quarry(append(args, "--crawl", "OTHER", "--overwrite"));
    assertThat(overwritten.exit()).as(overwritten.err()).isZero();
    assertThat(overwritten.out()).contains("ingest: output");
  }

  @Test
  void failureAboveTheErrorBoundExitsOne() throws Exception {
    Files.write(dir.resolve("empty.jsonl"), new byte[0]);
    Run run = quarry("ingest", "--input", dir + "/*.jsonl", "--format", "jsonl", "--output",
        dir.resolve("o").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("could not be read, above the bound")
        .contains("empty_file=1");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void pipelineFileErrorsNameTheFileAndField() throws Exception {
    Path pipeline = Files.writeString(dir.resolve("p.yaml"), """
        name: p
        work_dir: %s
        ingest:
          - source: a
            format: warc
            inputs: [x]
        """.formatted(dir));
    Run run = quarry("run", pipeline.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains(pipeline + ": ingest[0].inputs: unknown key 'inputs'; "
        + "allowed keys: [crawl, format, id_field, input, max_error_rate, max_record_bytes, "
        + "source, text_field, url_field]");

    Path noMatch = Files.writeString(dir.resolve("q.yaml"), """
        name: q
        work_dir: %s
        ingest:
          - {source: a, format: jsonl, input: ["%s/none/*.jsonl"]}
        """.formatted(dir, dir));
    Run run2 = quarry("run", noMatch.toString());
    assertThat(run2.exit()).isEqualTo(2);
    assertThat(run2.err()).contains(noMatch + ": ingest[0].input: '" + dir
        + "/none/*.jsonl' matches no files");
  }

  @Test
  void dedupMistakesExitTwoNamingTheOptionOrField() throws Exception {
    Run threshold = quarry("dedup", "--input", "x", "--output", "o", "--threshold", "1.5");
    assertThat(threshold.exit()).isEqualTo(2);
    assertThat(threshold.err()).contains("command line: --threshold")
        .contains("strictly between 0 and 1 (got 1.5)");
    Path config = Files.writeString(dir.resolve("dedup.yaml"), "bands: 16\nnum_hashes: 100\n");
    Run half = quarry("dedup", "--input", "x", "--output", "o", "--config", config.toString());
    assertThat(half.exit()).isEqualTo(2);
    assertThat(half.err()).contains("dedup.yaml: rows").contains("give both bands and rows");
    Files.writeString(config, "bands: 16\nrows: 7\n");
    Run product = quarry("dedup", "--input", "x", "--output", "o", "--config", config.toString());
    assertThat(product.exit()).isEqualTo(2);
    assertThat(product.err()).contains("dedup.yaml: bands").contains("16 × 8");
    Files.writeString(config, "keep: [{column: size}]\n");
    Run keep = quarry("dedup", "--input", "x", "--output", "o", "--config", config.toString());
    assertThat(keep.err()).contains("dedup.yaml: keep[0].column").contains("fetched_at");
    Run notCommitted = quarry("dedup", "--input", dir.resolve("nothing").toString(), "--output",
        dir.resolve("o").toString());
    assertThat(notCommitted.exit()).isEqualTo(2);
    assertThat(notCommitted.err()).contains("is not a committed Quarry output");
  }

  @Test
  void theDemoPipelineRunsEveryStageAndIsIdempotent() throws Exception {
    String demo = Files.readString(Path.of("..", "conf", "pipelines", "demo.yaml"))
        .replace("work_dir: out/demo", "work_dir: " + dir.resolve("demo"))
        .replace("samples/", SAMPLES + "/")
        .replace("conf/filters/", SAMPLES.resolveSibling("conf").resolve("filters") + "/")
        .replace("conf/mixes/", SAMPLES.resolveSibling("conf").resolve("mixes") + "/");
    Path pipeline = Files.writeString(dir.resolve("demo.yaml"), demo);
    Run plan = quarry("run", pipeline.toString(), "--dry-run");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("plan: ingest sample-warc: run -> ")
        .contains("plan: filter sample-jsonl: run (its input will be rewritten)")
        .contains("chain ").contains("(8 steps, built)")
        .contains("dedup: threshold 0.80").contains("plan: dedup: run")
        .contains("plan: mix demo: new version").contains("tokenizer r50k_base (loaded)")
        .contains("plan: valid");
    assertThat(dir.resolve("demo")).as("a dry run writes nothing").doesNotExist();
    Run run;
    String logs;
    try (RecordedLogs captured = RecordedLogs.all()) {
      run = quarry("run", pipeline.toString());
      logs = captured.text();
    }
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(logs).contains("StageRunner");
    assertThePlantedPiiIsScrubbedEverywhere(dir.resolve("demo"), run.out() + run.err() + logs);
    assertThat(run.out()).contains("ingest sample-warc: 414 records in, 160 kept")
        .contains("ingest sample-wet: 161 records in, 160 kept")
        .contains("ingest sample-jsonl: 160 records in, 160 kept")
        .contains("filter sample-warc: 160 records in").contains("filter sample-jsonl: 160 "
            + "records in");
    Run again = quarry("run", pipeline.toString());
    assertThat(again.exit()).isZero();
    assertThat(run.out()).contains("dedup: threshold 0.80, 128 hashes as 16 bands × 8 rows")
        .contains("dedup: 399 records in, 116 kept, 283 rejected");
    assertThat(again.out().split("is up to date")).hasSize(8);
    assertThat(run.out()).contains("mix: created demo@v0001 at ")
        .contains("(85 documents, 84,609 tokens, 4 shards)");
    assertThat(again.out()).contains("mix: up to date: demo@v0001");
    assertThat(dir.resolve("demo/mixes/demo/v0001/_SUCCESS")).exists();
    assertThat(dir.resolve("demo/mixes/demo/v0002")).doesNotExist();

    Run upToDate = quarry("run", pipeline.toString(), "--dry-run");
    assertThat(upToDate.exit()).as(upToDate.err()).isZero();
    assertThat(upToDate.out().split(": up to date ->")).hasSize(8);
    assertThat(upToDate.out()).contains("plan: mix demo: up to date (demo@v0001)")
        .contains("plan: valid; every stage is up to date");
    Run slice = quarry("run", pipeline.toString(), "--from", "filter", "--until", "dedup");
    assertThat(slice.exit()).as(slice.err()).isZero();
    assertThat(slice.out()).doesNotContain("ingest ").doesNotContain("mix:")
        .contains("filter sample-warc").contains("dedup");
    assertThat(slice.out().split("is up to date")).hasSize(5);
  }

  /**
   * One malformed pipeline or mix spec per kind of mistake: exit 2, the message names the file,
   * the field and what is allowed.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      // file   | what is wrong                  | text to find in the error
      "pipeline | dedupe: {}                     | unknown key 'dedupe'; allowed keys: [dedup, filter, ingest, mix, name, work_dir]",
      "pipeline | work_dir: [a, b]               | work_dir",
      "pipeline | ingest: []                     | ingest",
      "spec     | tokens_per_shard: many         | tokens_per_shard",
      "spec     | sources: []                    | sources",
      "spec     | tokens: -5                     | sources[0].tokens: must be positive (got -5)",
      "spec     | tokenizer: gpt5_base           | tokenizer",
      "spec     | formats: [megatron, parquet]   | formats"})
  void malformedFilesExitTwoNamingFileAndField(String file, String mistake, String expected)
      throws Exception {
    String spec = String.join("\n", "name: m", "tokenizer: r50k_base", "sources:",
        "  - name: all", "    input: " + dir.resolve("none"), "    tokens: 100", "");
    String pipeline = String.join("\n", "name: p", "work_dir: " + dir.resolve("w"),
        "ingest:", "  - {source: a, format: jsonl, input: [\""
            + SAMPLES.resolve("jsonl/quarry-sample.jsonl") + "\"]}", "");
    String key = mistake.substring(0, mistake.indexOf(':'));
    Path specFile = dir.resolve("mistake-spec.yaml");
    Path pipelineFile = dir.resolve("mistake-pipeline.yaml");
    if (file.equals("spec")) {
      spec = key.equals("tokens") ? spec.replace("tokens: 100", mistake)
          : spec.lines().filter(l -> !l.startsWith(key + ":")
              && !(key.equals("sources") && (l.startsWith("  ")))).collect(
                  java.util.stream.Collectors.joining("\n")) + "\n" + mistake + "\n";
    } else {
      pipeline = pipeline.lines().filter(l -> !l.startsWith(key + ":")
          && !(key.equals("ingest") && l.startsWith("  "))).collect(
              java.util.stream.Collectors.joining("\n")) + "\n" + mistake + "\n";
    }
    Files.writeString(specFile, spec);
    Files.writeString(pipelineFile, pipeline);

    Run run = file.equals("spec")
        ? quarry("mix", "create", specFile.toString(), "--root", dir.resolve("r").toString())
        : quarry("run", pipelineFile.toString(), "--dry-run");

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    Path named = file.equals("spec") ? specFile : pipelineFile;
    assertThat(run.err()).contains(named.toString()).contains(expected);
  }

  @Test
  void runStageSlicesAreChecked() throws Exception {
    Path pipeline = Files.writeString(dir.resolve("slice.yaml"), """
        name: s
        work_dir: %s
        ingest:
          - {source: a, format: jsonl, input: ["%s"]}
        """.formatted(dir.resolve("slice"), SAMPLES.resolve("jsonl/quarry-sample.jsonl")));
    Run unknown = quarry("run", pipeline.toString(), "--from", "dedupe", "--dry-run");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("--from: unknown stage 'dedupe'; stages: ingest, filter,"
        + " dedup, mix");
    Run absent = quarry("run", pipeline.toString(), "--until", "mix", "--dry-run");
    assertThat(absent.exit()).isEqualTo(2);
    assertThat(absent.err()).contains("--until: the pipeline " + pipeline
        + " has no mix stage (no mix section)");
    Run backwards = quarry("run", pipeline.toString(), "--from", "filter", "--until", "ingest");
    assertThat(backwards.exit()).isEqualTo(2);
    assertThat(backwards.err()).contains("stage ingest comes before --from filter");
    Run plan = quarry("run", pipeline.toString(), "--dry-run");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("plan: ingest a: run -> ").contains("1 jsonl file(s)");
  }

  @Test
  void sampleWarcIdsAreUniqueAndTheSameOnEveryRun() {
    java.util.List<java.util.List<String>> runs = new java.util.ArrayList<>();
    for (String name : new String[] {"run-a", "run-b"}) {
      String output = dir.resolve(name).toString();
      assertThat(quarry("ingest", "--input", SAMPLES + "/warc/*.warc.gz", "--format", "warc",
          "--source", "cc", "--output", output).exit()).isZero();
      runs.add(dev.quarry.core.spark.Datasets.read(TestSpark.session(), output)
          .select("id").orderBy("id").as(org.apache.spark.sql.Encoders.STRING())
          .collectAsList());
    }
    assertThat(runs.get(0)).hasSize(160).doesNotHaveDuplicates().isEqualTo(runs.get(1));
  }

  /**
   * No value the generator planted is left in any filter or dedup output (kept,
   * {@code _rejected/}, {@code _errors/}, {@code _clusters/}), in any stage's manifest, or in what the run printed and logged; and the
   * values scrubbed, as the manifests count them, are the placeholders in the kept texts.
   */
  private static void assertThePlantedPiiIsScrubbedEverywhere(Path workDir, String printed)
      throws Exception {
    PlantedPii planted = PlantedPii.inSamples();
    planted.assertNoneIn("what the run printed and logged", printed);
    java.util.List<Path> files;
    try (java.util.stream.Stream<Path> walk = Files.walk(workDir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    long counted = 0;
    long placeholders = 0;
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    for (Path file : files) {
      String name = file.getFileName().toString();
      Path relative = workDir.relativize(file);
      boolean scrubbedOutput = relative.startsWith("filter") || relative.startsWith("dedup");
      if (relative.startsWith("runs")) {
        // The run's record and report: report.json and report.html show rejected samples.
        // (Not the file system's binary .crc files beside them.)
        if (!name.startsWith(".")) {
          planted.assertNoneIn(file.toString(), Files.readString(file));
        }
      } else if (name.equals("manifest.json")) {
        planted.assertNoneIn(file.toString(), Files.readString(file));
        if (relative.startsWith("filter")) {
          counted += json.readTree(file.toFile()).path("stats").path("counters")
              .path("pii.total").asLong();
        }
      } else if (scrubbedOutput && name.endsWith(".parquet")) {
        java.util.List<org.apache.spark.sql.Row> rows =
            TestSpark.session().read().parquet(file.toString()).collectAsList();
        planted.assertNoneIn(file.toString(), rows.toString());
        if (file.getParent().getFileName().toString().startsWith("sample-")) {
          for (org.apache.spark.sql.Row row : rows) {
            placeholders += java.util.regex.Pattern.compile("<(EMAIL|PHONE|IP_ADDRESS)>")
                .matcher(row.<String>getAs("text")).results().count();
          }
        }
      }
    }
    assertThat(files).as("the run's record and report")
        .anyMatch(f -> f.getFileName().toString().equals("report.html"));
    assertThat(counted).as("pii.total over the filter manifests").isPositive()
        .isEqualTo(placeholders);
  }

  private static String[] append(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
