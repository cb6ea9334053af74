package dev.quarry.jobs.cli;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.storage.Manifest;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.core.storage.RawFile;
import dev.quarry.dedup.DedupSettings;
import dev.quarry.dedup.spark.DedupJob;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.spark.FilterJob;
import dev.quarry.filters.spark.FilterSettings;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.spark.IngestJob;
import dev.quarry.jobs.pipeline.PipelineConfig;
import dev.quarry.jobs.report.ReportSummary;
import dev.quarry.jobs.report.ReportWriter;
import dev.quarry.jobs.report.RunRecord;
import dev.quarry.mixes.spark.MixJob;
import dev.quarry.mixes.spec.MixSpec;
import dev.quarry.mixes.tokenize.Tokenizers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry run}: every stage of a pipeline file, in order, each skipped when up to date. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the stages of a pipeline file (see conf/pipelines/demo.yaml) in order. "
        + "A stage whose output is up to date is skipped, so a failed run can simply be rerun.",
        "Stages: ingest (one output per source under <work_dir>/ingest/<source>), then "
            + "filter when the file has a filter section (<work_dir>/filter/<source>), then "
            + "dedup over all sources together when it has a dedup section (<work_dir>/dedup), "
            + "then a mix version when it has a mix section (<work_dir>/mixes/<name>/vNNNN; "
            + "none when the latest version has the same spec and inputs).",
        "--from and --until run a slice of the stages (the stages before --from must have "
            + "committed outputs). --dry-run checks everything a run needs — the files, the "
            + "inputs (listed), the filter chain (its lists and models load), the dedup "
            + "options (prints the S-curve), the mix spec and its tokenizer, that the work "
            + "directory is writable — and prints each stage's decision (run, up to date, "
            + "refused) without running any Spark job over the data.",
        "At its end a run writes <work_dir>/runs/<run id>/run.json (what ran), report.json and "
            + "report.html (charts: the funnel with every reason, languages, lengths, scores, "
            + "duplicates, PII, the mix, timings, rejected samples) and prints a summary; "
            + "also after a failure, for the outputs committed before it. See quarry report."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every stage ran or was up to date (with --dry-run: the plan is valid)",
        "1:a stage failed",
        "2:the pipeline file, a chain or a spec is invalid, an input is missing, or an output "
            + "exists with different options (the plan says which; use --overwrite)"})
public final class RunCommand implements Callable<Integer> {
  /** The stages in pipeline order, as --from and --until name them. */
  enum Stage { INGEST, FILTER, DEDUP, MIX;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Stage named(String name, String option) {
      for (Stage stage : values()) {
        if (stage.label().equals(name)) {
          return stage;
        }
      }
      throw new ConfigException(option, "unknown stage '" + name + "'; stages: " + order());
    }

    /** "ingest, filter, dedup, mix": the stages in the order they run. */
    static String order() {
      return String.join(", ", Arrays.stream(values()).map(Stage::label).toList());
    }
  }

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "Pipeline file")
  Path pipeline;

  @Option(names = "--overwrite",
      description = "Replace stage outputs written with different inputs or options")
  boolean overwrite;

  @Option(names = "--from", paramLabel = "STAGE",
      description = "First stage to run: ingest, filter, dedup or mix (default: ingest)")
  String from;

  @Option(names = "--until", paramLabel = "STAGE",
      description = "Last stage to run (default: the pipeline's last)")
  String until;

  @Option(names = "--dry-run",
      description = "Check everything and print the plan; run nothing over the data")
  boolean dryRun;

  @Option(names = "--report-samples", paramLabel = "N",
      defaultValue = "" + ReportWriter.DEFAULT_SAMPLES,
      description = "Rejected documents the report shows per stage and reason (default: "
          + "${DEFAULT-VALUE}; 0: none)")
  int reportSamples;

  @Mixin
  SparkOptions sparkOptions;

  private PipelineConfig config;
  private PrintWriter out;
  /** Whether a stage planned so far will write new output (so later stages' inputs change). */
  private boolean upstreamChanges;
  /** The stage outputs this run ran or found up to date, in order, for its run record. */
  private final List<RunRecord.Output> outputs = new ArrayList<>();

  @Override
  public Integer call() {
    config = YamlConfig.load(pipeline, PipelineConfig.class);
    Stage first = from == null ? Stage.INGEST : Stage.named(from, "--from");
    Stage last = until == null ? Stage.MIX : Stage.named(until, "--until");
    if (first.compareTo(last) > 0) {
      throw new ConfigException("--until", "stage " + last.label() + " comes before --from "
          + first.label() + " (order: " + Stage.order() + ")");
    }
    checkConfigured(first, "--from");
    if (until != null) {
      checkConfigured(last, "--until");
    }
    if (reportSamples < 0) {
      throw new ConfigException("--report-samples", "must be 0 or more (got " + reportSamples
          + ")");
    }
    out = spec.commandLine().getOut();
    Instant started = Instant.now();
    SparkSession spark = sparkOptions.session((dryRun ? "plan " : "run ") + config.name());
    try {
      if (dryRun) {
        checkWritable(spark);
      }
      for (Stage stage : Stage.values()) {
        if (stage.compareTo(first) >= 0 && stage.compareTo(last) <= 0 && configured(stage)) {
          switch (stage) {
            case INGEST -> ingest(spark);
            case FILTER -> filter(spark);
            case DEDUP -> dedup(spark);
            case MIX -> mix(spark);
            default -> throw new IllegalStateException(stage.label());
          }
        }
      }
      if (dryRun) {
        out.println("plan: valid; " + (upstreamChanges ? "stages marked run would run"
            : "every stage is up to date"));
      } else {
        report(spark, started, "succeeded", null);
      }
      return ExitCodes.OK;
    } catch (Exception e) {
      if (!dryRun) {
        report(spark, started, "failed", e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      throw e;
    } finally {
      sparkOptions.release(spark);
    }
  }

  private boolean configured(Stage stage) {
    return switch (stage) {
      case INGEST -> true;
      case FILTER -> config.filter() != null;
      case DEDUP -> config.dedup() != null;
      case MIX -> config.mix() != null;
    };
  }

  private void checkConfigured(Stage stage, String option) {
    if (!configured(stage)) {
      throw new ConfigException(option, "the pipeline " + pipeline + " has no " + stage.label()
          + " stage (no " + stage.label() + " section)");
    }
  }

  private void ingest(SparkSession spark) {
    for (int i = 0; i < config.ingest().size(); i++) {
      IngestSettings source = config.ingest().get(i);
      String output = config.ingestOutput(source);
      String field = "ingest[" + i + "]";
      if (dryRun) {
        List<RawFile> files = inPipeline(field, () -> IngestJob.files(spark, source));
        long bytes = files.stream().mapToLong(RawFile::size).sum();
        plan("ingest " + source.source(), StageRunner.decide(spark, source,
            IngestJob.inputs(files), output, overwrite), output, files.size() + " "
            + source.format() + " file(s), " + String.format(Locale.ROOT, "%.1f MB",
            bytes / 1e6));
      } else {
        ran(Stage.INGEST, source.source(),
            inPipeline(field, () -> IngestJob.run(spark, source, output, overwrite)));
      }
    }
  }

  private void filter(SparkSession spark) {
    String chainFile = config.filter().config();
    ChainConfig chain = YamlConfig.load(Path.of(chainFile), ChainConfig.class);
    for (IngestSettings source : config.ingest()) {
      FilterSettings settings = new FilterSettings(config.ingestOutput(source), chain);
      String output = config.filterOutput(source);
      if (dryRun) {
        FilterJob.check(settings, chainFile);
        plan("filter " + source.source(), upstreamChanges ? null : StageRunner.decide(spark,
            settings, FilterJob.inputs(spark, settings), output, overwrite), output,
            "chain " + chainFile + " (" + chain.steps().size() + " steps, built)");
      } else {
        ran(Stage.FILTER, source.source(),
            FilterJob.run(spark, settings, chainFile, output, overwrite));
      }
    }
  }

  private void dedup(SparkSession spark) {
    DedupSettings settings = new DedupSettings(config.dedupInputs(), config.dedup());
    out.println("dedup: " + config.dedup().lsh().describe());
    String output = config.dedupOutput();
    if (dryRun) {
      settings.validate();
      plan("dedup", upstreamChanges ? null : StageRunner.decide(spark, settings,
          DedupJob.inputs(spark, settings), output, overwrite), output,
          settings.input().size() + " input dataset(s)");
    } else {
      ran(Stage.DEDUP, null, DedupJob.run(spark, settings, output, overwrite, null));
    }
  }

  private void mix(SparkSession spark) {
    Path specFile = Path.of(config.mix().spec());
    MixSpec mix = inFile(specFile, () -> {
      MixSpec loaded = MixSpec.load(specFile).withVariables(Map.of("work_dir",
          config.workDir()));
      loaded.validate();
      return loaded;
    });
    if (dryRun) {
      var tokenizer = inFile(specFile, () -> Tokenizers.load(mix.tokenizer(),
          mix.eos(), mix.bos(), spark.sparkContext().hadoopConfiguration()));
      String detail = "spec " + specFile + ", tokenizer " + tokenizer.identity().name()
          + " (loaded), root " + config.mixRoot();
      if (upstreamChanges) {
        out.println("plan: mix " + mix.name() + ": new version (its inputs will change); "
            + detail);
      } else {
        var upToDate = inFile(specFile, () -> MixJob.upToDate(spark, mix,
            config.mixRoot()));
        out.println("plan: mix " + mix.name() + ": " + upToDate.map(r -> "up to date ("
            + r.label() + ")").orElse("new version") + "; " + detail);
      }
      return;
    }
    MixJob.Result result = inFile(specFile,
        () -> MixJob.createUnlessUpToDate(spark, mix, config.mixRoot()));
    out.println(MixCommand.describe(result));
    // Qualified, like the other stages' outputs, so the record reads the same from any directory.
    outputs.add(new RunRecord.Output(Stage.MIX.label(), new OutputDir(result.directory(),
        spark.sparkContext().hadoopConfiguration()).uri(), result.created() ? "ran"
        : "up_to_date"));
  }

  /** Prints a stage's result (for source {@code source}, if any) and records its output. */
  private void ran(Stage stage, String source, StageRunner.Result result) {
    Reports.print(out, source == null ? stage.label() : stage.label() + " " + source, result);
    outputs.add(new RunRecord.Output(stage.label(), result.output(),
        result.ran() ? "ran" : "up_to_date"));
  }

  /**
   * Writes the run record and the report of the outputs this run ran or found up to date into
   * {@code <work_dir>/runs/<run id>/} and prints the summary. A report that cannot be written is
   * a warning, not a failure: the outputs are committed whatever happens here.
   */
  private void report(SparkSession spark, Instant started, String status, String error) {
    if (outputs.isEmpty()) {
      return;
    }
    String id = RunRecord.newId(started);
    String directory = RunRecord.directory(config.workDir(), id);
    RunRecord run = new RunRecord(id, pipeline.toString(), config.name(), config.workDir(),
        started, Instant.now(), status, error, List.copyOf(outputs));
    try {
      var conf = spark.sparkContext().hadoopConfiguration();
      run.write(directory, conf);
      ReportWriter.Written written = ReportWriter.write(spark, ReportWriter.stagesOf(run, conf),
          run, directory, directory, reportSamples);
      ReportSummary.lines(written.report()).forEach(out::println);
      out.println("report: " + written.html());
    } catch (RuntimeException e) {
      var err = spec.commandLine().getErr();
      err.println("run: warning: the report of run " + id + " could not be written to "
          + directory + " (the outputs above are committed): " + e);
      err.flush();
    }
    out.flush();
  }

  /** Prints one stage's decision; a null decision: runs because an earlier stage will. */
  private void plan(String stage, OutputDir.RunDecision decision, String output,
      String detail) {
    String what;
    if (decision == null) {
      what = "run (its input will be rewritten)";
    } else {
      what = switch (decision.kind()) {
        case RUN -> "run";
        case UP_TO_DATE -> "up to date";
        case REFUSED -> "refused: " + decision.message();
      };
    }
    if (decision == null || decision.kind() == OutputDir.RunDecision.Kind.RUN) {
      upstreamChanges = true;
    }
    out.println("plan: " + stage + ": " + what + " -> " + output + "; " + detail);
    if (decision != null && decision.kind() == OutputDir.RunDecision.Kind.REFUSED) {
      throw new ConfigException(stage, decision.message());
    }
  }

  /** Runs {@code work}; a config error from it names the pipeline file and {@code field}. */
  private <T> T inPipeline(String field, Supplier<T> work) {
    try {
      return work.get();
    } catch (ConfigException e) {
      throw e.under(field).in(pipeline.toString());
    }
  }

  /** Runs {@code work}; a config error from it names {@code file}. */
  private static <T> T inFile(Path file, Supplier<T> work) {
    try {
      return work.get();
    } catch (ConfigException e) {
      throw e.in(file.toString());
    }
  }

  /** Creates and deletes a file under work_dir (and work_dir itself when it was not there). */
  private void checkWritable(SparkSession spark) {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(config.workDir());
    org.apache.hadoop.fs.Path probe = new org.apache.hadoop.fs.Path(dir,
        ".quarry-dry-run-" + UUID.randomUUID());
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      boolean existed = fs.exists(dir);
      fs.create(probe, false).close();
      fs.delete(probe, false);
      if (!existed) {
        fs.delete(dir, true);
      }
      out.println("plan: work_dir " + fs.makeQualified(dir) + " is writable");
    } catch (IOException e) {
      throw new ConfigException(pipeline.toString(), "work_dir", "'" + config.workDir()
          + "' is not writable: " + e.getMessage());
    }
  }
}
