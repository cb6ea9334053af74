package dev.quarry.jobs.faults;

import dev.quarry.core.spark.TestSpark;
import dev.quarry.jobs.cli.QuarryCliTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The pipeline the fault tests break: the sample WARC (source {@code warc}) and the sample
 * JSONL cut into two gzipped files of 80 lines (source {@code jsonl}), copied under a test
 * directory and read through {@code faulty://} (or, for a child JVM, plain paths), through the
 * default filter chain, dedup and a small mix, into {@code <dir>/work}. Runs {@code quarry run}
 * in this JVM on the shared session.
 */
public final class FaultPipeline {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  final Path dir;
  final Path warc;
  final List<Path> jsonl;
  public final Path work;
  private final boolean faulty;
  private double warcMaxErrorRate = 0.01;

  private FaultPipeline(Path dir, boolean faulty) throws IOException {
    this.dir = dir;
    this.faulty = faulty;
    this.work = dir.resolve("work");
    Path raw = dir.resolve("raw");
    this.warc = Files.copy(REPO.resolve("samples/warc/quarry-sample.warc.gz"),
        Files.createDirectories(raw.resolve("warc")).resolve("quarry-sample.warc.gz"));
    List<String> lines = Files.readAllLines(REPO.resolve("samples/jsonl/quarry-sample.jsonl"));
    Files.createDirectories(raw.resolve("jsonl"));
    this.jsonl = new ArrayList<>();
    int half = lines.size() / 2;
    jsonl.add(gzip(raw.resolve("jsonl/part-0.jsonl.gz"), lines.subList(0, half)));
    jsonl.add(gzip(raw.resolve("jsonl/part-1.jsonl.gz"), lines.subList(half, lines.size())));
  }

  /**
   * The raw files and pipeline under {@code dir}; faulty:// registered on the session, with no
   * fault set (a test that failed may have left one).
   */
  static FaultPipeline in(Path dir) throws IOException {
    FaultyFileSystem.register(TestSpark.session().sparkContext().hadoopConfiguration());
    FaultyFileSystem.clear();
    return new FaultPipeline(dir, true);
  }

  /** The same on plain local paths, which a child JVM without the test classes can read. */
  public static FaultPipeline local(Path dir) throws IOException {
    return new FaultPipeline(dir, false);
  }

  private String uri(Path local) {
    return faulty ? FaultyFileSystem.uri(local) : local.toAbsolutePath().normalize().toString();
  }

  /** The same, run once to the end: every stage committed. */
  static FaultPipeline committed(Path dir) throws IOException {
    FaultPipeline pipeline = in(dir);
    QuarryCliTest.Run run = pipeline.run();
    org.assertj.core.api.Assertions.assertThat(run.exit()).as(run.err()).isZero();
    return pipeline;
  }

  private static Path gzip(Path file, List<String> lines) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return file;
  }

  /** Cuts {@code file} to {@code fraction} of its bytes, as a copy that stopped half-way. */
  static void truncate(Path file, double fraction) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
  }

  /** Temporary and moved-aside directories of stages under work_dir (a commit's leftovers). */
  public List<Path> leftovers() throws IOException {
    try (var paths = Files.walk(work)) {
      return paths.filter(p -> p.getFileName().toString().matches("\\..*\\.quarry-(tmp|old)-.*"))
          .toList();
    }
  }

  FaultPipeline warcMaxErrorRate(double rate) {
    this.warcMaxErrorRate = rate;
    return this;
  }

  /** The pipeline file as it is now (dedup options as given, e.g. "{}" or "{threshold: 0.7}"). */
  public Path file(String dedup) {
    String mixSpec = """
        name: faults
        tokenizer: r50k_base
        formats: [megatron, olmo]
        tokens_per_shard: 20000
        seed: 7
        sources:
          - {name: english, input: "${work_dir}/dedup", filter: "lang = 'eng'", tokens: 40000,
             max_epochs: 3}
          - {name: other, input: "${work_dir}/dedup", filter: "lang <> 'eng'", tokens: 10000,
             max_epochs: 3}
        """;
    String pipeline = """
        name: faults
        work_dir: %s
        ingest:
          - {source: warc, format: warc, input: ["%s/*.warc.gz"], max_error_rate: %s}
          - {source: jsonl, format: jsonl, input: ["%s/*.jsonl.gz"], crawl: SAMPLE}
        filter:
          config: %s
        dedup: %s
        mix:
          spec: %s
        """.formatted(uri(work), uri(warc.getParent()), warcMaxErrorRate,
        uri(jsonl.get(0).getParent()),
        REPO.resolve("conf/filters/default.yaml"), dedup, dir.resolve("mix.yaml"));
    try {
      Files.writeString(dir.resolve("mix.yaml"), mixSpec);
      return Files.writeString(dir.resolve("pipeline.yaml"), pipeline);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code quarry run <pipeline> <args>} with the default dedup options. */
  public QuarryCliTest.Run run(String... args) {
    return runWithDedup("{}", args);
  }

  public QuarryCliTest.Run runWithDedup(String dedup, String... args) {
    List<String> command = new ArrayList<>(List.of("run", file(dedup).toString()));
    command.addAll(List.of(args));
    return QuarryCliTest.quarry(command.toArray(String[]::new));
  }
}
