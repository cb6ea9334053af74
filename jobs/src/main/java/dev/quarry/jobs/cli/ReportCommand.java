package dev.quarry.jobs.cli;

import dev.quarry.core.config.ConfigException;
import dev.quarry.jobs.report.ReportInputs;
import dev.quarry.jobs.report.ReportSummary;
import dev.quarry.jobs.report.ReportWriter;
import dev.quarry.jobs.report.RunRecord;
import dev.quarry.jobs.report.StageManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry report}: the HTML and JSON report of a run, or of any committed output. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes report.html (one self-contained page of charts) and report.json "
        + "(the same numbers) and prints the text summary. quarry run writes them by itself "
        + "into <work_dir>/runs/<run id>/; this command draws them again, or for any output.",
        "URI is one of: a run directory (<work_dir>/runs/<run id>: the outputs of that run), "
            + "a work_dir (its latest run), or a committed output — a stage output or a mix "
            + "version (<root>/<name>/vNNNN) — with everything upstream of it, found through "
            + "the manifests' inputs."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the report was written",
        "1:an output could not be read, or the report could not be written",
        "2:URI is not a run directory, work_dir or committed output"})
public final class ReportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URI",
      description = "Run directory, work_dir, stage output or mix version")
  String uri;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write report.html and report.json (default: the run directory "
          + "for a run; ./quarry-report for an output)")
  String out;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "" + ReportWriter.DEFAULT_SAMPLES,
      description = "Rejected documents shown per stage and reason (default: ${DEFAULT-VALUE}; "
          + "0: none)")
  int samples;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    if (samples < 0) {
      throw new ConfigException("--samples", "must be 0 or more (got " + samples + ")");
    }
    PrintWriter printed = spec.commandLine().getOut();
    SparkSession spark = sparkOptions.session("report");
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      Optional<Recorded> recorded = run(uri, conf);
      ReportWriter.Written written;
      if (recorded.isPresent()) {
        String directory = recorded.get().directory();
        RunRecord run = recorded.get().run();
        List<StageManifest> stages = ReportWriter.stagesOf(run, conf);
        if (stages.isEmpty()) {
          throw new ConfigException("report", "none of the outputs of run " + run.id()
              + " is committed any more (" + directory + "/" + RunRecord.FILE + ")");
        }
        written = ReportWriter.write(spark, stages, run, directory,
            out == null ? directory : out, samples);
      } else {
        List<StageManifest> stages = ReportInputs.lineage(uri, conf);
        written = ReportWriter.write(spark, stages, null, uri,
            out == null ? "quarry-report" : out, samples);
      }
      ReportSummary.lines(written.report()).forEach(printed::println);
      printed.println("report: " + written.html());
      printed.println("report: " + written.json());
      printed.flush();
      return ExitCodes.OK;
    } finally {
      sparkOptions.release(spark);
    }
  }

  /** A run record and the directory it is in. */
  record Recorded(String directory, RunRecord run) {}

  /** The run {@code uri} is the directory of, or the latest run of the work_dir it is. */
  static Optional<Recorded> run(String uri, Configuration conf) {
    Optional<RunRecord> here = RunRecord.read(uri, conf);
    if (here.isPresent()) {
      return Optional.of(new Recorded(uri, here.get()));
    }
    Path runs = new Path(uri, RunRecord.RUNS);
    try {
      FileSystem fs = runs.getFileSystem(conf);
      if (!fs.isDirectory(runs)) {
        return Optional.empty();
      }
      // Run ids start with their UTC start time: the greatest name is the latest run.
      for (String dir : Arrays.stream(fs.listStatus(runs)).filter(FileStatus::isDirectory)
          .map(s -> s.getPath().toString()).sorted(java.util.Comparator.reverseOrder())
          .toList()) {
        Optional<RunRecord> run = RunRecord.read(dir, conf);
        if (run.isPresent()) {
          return Optional.of(new Recorded(dir, run.get()));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runs, e);
    }
  }
}
