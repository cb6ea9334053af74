package dev.quarry.jobs.cli;

import dev.quarry.core.config.ConfigException;
import dev.quarry.ingest.InputFormat;
import dev.quarry.jobs.bench.Baseline;
import dev.quarry.jobs.bench.BenchInput;
import dev.quarry.jobs.bench.BenchInputs;
import dev.quarry.jobs.bench.BenchReport;
import dev.quarry.jobs.bench.BenchRow;
import dev.quarry.jobs.bench.BenchRunner;
import dev.quarry.jobs.bench.FilterBenchmark;
import dev.quarry.jobs.bench.ResultLine;
import dev.quarry.jobs.bench.ResultsFile;
import dev.quarry.jobs.bench.ScaleSteps;
import dev.quarry.jobs.bench.MixBenchmark;
import dev.quarry.jobs.bench.StageBenchmark;
import dev.quarry.jobs.bench.StageBenchmarks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry bench}: runs a stage for real, repeatedly, and records how fast it was. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
        "Runs a pipeline stage for real on the given input, --repeat times, each run into a "
            + "fresh <work-dir>/<stage>/run-<k>, and times it (wall clock around the stage "
            + "alone, not Spark start-up). Prints a table per run and the median: input MB, "
            + "records in, kept, wall seconds, MB/s and docs/s per Spark core, peak heap and "
            + "RSS; appends one JSON line per run and per median to the results file.",
        "--scale 1,2,4,8 runs on growing prefixes of the sorted input files (the whole input "
            + "is the largest step) and prints the cost per MB of each step relative to the "
            + "smallest. --baseline runs a reference job on the same input and prints the "
            + "ratio of medians. Baselines: warc-scan (ingest: only decompress and parse "
            + "every WARC record with jwarc; WARC/WET input), mllib-minhash-lsh (dedup: Spark "
            + "MLlib's MinHashLSH similarity self-join on the same shingles at the same "
            + "threshold; writes the pairs).",
        "See docs/benchmarks.md for what each figure means."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every run finished; results appended",
        "1:a run failed (the stage's own error; nothing appended)",
        "2:bad option (unknown stage or baseline, too few files for --scale, mixed formats)"})
public final class BenchCommand implements Callable<Integer> {
  /** Settings that make Spark report executor memory peaks (see docs/benchmarks.md). */
  static final Map<String, String> SPARK_DEFAULTS = Map.of(
      "spark.executor.metrics.pollingInterval", "100ms",
      "spark.executor.processTreeMetrics.enabled", "true");

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "STAGE", completionCandidates = StageNames.class,
      description = "Stage to run: ${COMPLETION-CANDIDATES} (all: every stage in pipeline "
          + "order, each reading the previous one's output)")
  String stage;

  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "URI",
      description = "Input files, globs or directories (a directory: the data files directly "
          + "in it, recognised by name: *.warc.gz, *.warc.wet.gz, *.wet.gz, *.jsonl[.gz|.zst],"
          + " *.parquet)")
  List<String> input;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Read every input file as this format: ${COMPLETION-CANDIDATES} "
          + "(default: from the file names)")
  InputFormat format;

  @Option(names = "--repeat", defaultValue = "3", paramLabel = "N",
      description = "Runs per stage, baseline and scale step (default: ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--scale", paramLabel = "K,K...",
      description = "Scaling run, e.g. 1,2,4,8: step k reads the first ceil(files × k / max) "
          + "sorted input files; needs at least max files")
  String scale;

  @Option(names = "--baseline", paramLabel = "NAME", completionCandidates = BaselineNames.class,
      description = "Also run this baseline of the stage (repeatable): ${COMPLETION-CANDIDATES}")
  List<String> baselines = new ArrayList<>();

  @Option(names = "--results", paramLabel = "FILE",
      description = "JSON Lines file to append results to (default: "
          + "<work-dir>/bench-results.jsonl)")
  String results;

  @Option(names = "--work-dir", defaultValue = "/tmp/quarry-bench", paramLabel = "URI",
      description = "Where runs write their output (default: ${DEFAULT-VALUE})")
  String workDir;

  @Mixin
  SparkOptions sparkOptions;

  @Option(names = "--filter-config", paramLabel = "CHAIN.yaml",
      description = "The chain the filter stage runs (default: conf/filters/default.yaml)")
  Path filterConfig = FilterBenchmark.DEFAULT_CHAIN;

  @Option(names = "--mix-spec", paramLabel = "SPEC.yaml",
      description = "The mix the mix stage makes; ${input} in a source's input is the stage's"
          + " input dataset (default: conf/mixes/bench.yaml)")
  Path mixSpec = MixBenchmark.DEFAULT_SPEC;

  @Override
  public Integer call() {
    List<StageBenchmark> stages = StageBenchmarks.select(stage).stream()
        .map(s -> s instanceof FilterBenchmark f ? f.withChain(filterConfig)
            : s instanceof MixBenchmark m ? m.withSpec(mixSpec) : s).toList();
    if (repeat < 1) {
      throw new ConfigException("command line", "--repeat", "must be at least 1 (got "
          + repeat + ")");
    }
    List<Integer> scales = scale == null ? List.of() : ScaleSteps.parse(scale);
    Map<StageBenchmark, List<Baseline>> chosen = StageBenchmarks.baselines(stages, baselines);
    Path resultsFile = ResultsFile.locate(results, workDir);
    if (format != null) {
      checkBaselines(stages, chosen, format);
    }
    SparkSession spark = sparkOptions.session("bench " + stage, SPARK_DEFAULTS);
    try {
      BenchInput resolved = BenchInputs.resolve(spark.sparkContext().hadoopConfiguration(),
          input, format);
      checkBaselines(stages, chosen, resolved.format());
      List<ScaleSteps.Step> steps = ScaleSteps.plan(scales, resolved.files().size());
      PrintWriter out = spec.commandLine().getOut();
      List<BenchRow> rows = BenchRunner.run(spark, new BenchRunner.Plan(stages, chosen,
          resolved, input, steps, repeat, workDir.replaceAll("/+$", "")), out);
      out.println();
      out.print(BenchReport.runs(rows));
      if (!scales.isEmpty()) {
        out.println();
        out.print(BenchReport.scaling(rows));
      }
      if (!chosen.isEmpty()) {
        out.println();
        out.print(BenchReport.baselines(rows));
      }
      ResultLine.Context context = ResultLine.Context.of(spark);
      ResultsFile.append(resultsFile, rows.stream()
          .map(r -> ResultLine.of(r, context).json()).toList());
      out.println();
      out.println("bench: appended " + rows.size() + " results to " + resultsFile);
      out.flush();
      return ExitCodes.OK;
    } finally {
      sparkOptions.release(spark);
    }
  }

  /** The first stage reads the input's format; later ones read Parquet documents. */
  private static void checkBaselines(List<StageBenchmark> stages,
      Map<StageBenchmark, List<Baseline>> chosen, InputFormat inputFormat) {
    for (int i = 0; i < stages.size(); i++) {
      InputFormat read = i == 0 ? inputFormat : InputFormat.PARQUET;
      chosen.getOrDefault(stages.get(i), List.of()).forEach(b -> b.check(read));
    }
  }

  /** The stage names for --help. */
  static final class StageNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return StageBenchmarks.names().iterator();
    }
  }

  /** The baselines of every stage for --help. */
  static final class BaselineNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return StageBenchmarks.ALL.stream()
          .flatMap(s -> s.baselines().keySet().stream().sorted().map(b -> b + " (" + s.name()
              + ")"))
          .iterator();
    }
  }
}
