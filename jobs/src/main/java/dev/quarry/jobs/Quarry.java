package dev.quarry.jobs;

import dev.quarry.core.QuarryBuild;
import dev.quarry.jobs.cli.BenchCommand;
import dev.quarry.jobs.cli.ClassifierCommand;
import dev.quarry.jobs.cli.ExitCodes;
import dev.quarry.jobs.cli.DedupCommand;
import dev.quarry.jobs.cli.FilterCommand;
import dev.quarry.jobs.cli.GenCorpusCommand;
import dev.quarry.jobs.cli.GenSamplesCommand;
import dev.quarry.jobs.cli.IngestCommand;
import dev.quarry.jobs.cli.MixCommand;
import dev.quarry.jobs.cli.ReportCommand;
import dev.quarry.jobs.cli.RunCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code quarry} command line: the entry point for {@code spark-submit --class
 * dev.quarry.jobs.Quarry} and for {@code bin/quarry}. Only {@link #main} calls System.exit.
 */
@Command(
    name = "quarry",
    mixinStandardHelpOptions = true,
    versionProvider = Quarry.Version.class,
    description = "Pretraining-data curation on Apache Spark: ingest crawl shards, filter, "
        + "deduplicate and build versioned token mixes.",
    subcommands = {
        IngestCommand.class, FilterCommand.class, DedupCommand.class, MixCommand.class,
        ClassifierCommand.class,
        RunCommand.class, ReportCommand.class, BenchCommand.class,
        GenSamplesCommand.class, GenCorpusCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success, or nothing to do (the output is up to date)",
        "1:the job failed (input unreadable past the error bound, I/O or Spark failure)",
        "2:bad arguments or config (the message names the option or field to change)"})
public final class Quarry implements Runnable {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code (tests call this). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the CLI writing to the given streams (tests read what a user would see). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Quarry());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(ExitCodes::handle);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Version from the build. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      QuarryBuild build = QuarryBuild.current();
      return new String[] {"quarry " + build.version() + " (commit " + build.gitCommit() + ")"};
    }
  }
}
