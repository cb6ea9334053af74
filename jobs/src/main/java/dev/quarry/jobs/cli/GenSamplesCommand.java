package dev.quarry.jobs.cli;

import dev.quarry.jobs.corpus.SampleCorpus;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry gen-samples}: regenerates the bundled samples/ from a seed. */
@Command(name = "gen-samples", mixinStandardHelpOptions = true,
    description = {"Writes the small sample crawl the demo runs on: a WARC with HTML pages in "
        + "eleven languages (articles, near and exact duplicates, spam, repetitive, list-only "
        + "and too-short pages, pages with PII), non-HTML records and one corrupt record; the "
        + "WET of the same captures; and a JSONL file of the main texts.",
        "The same seed gives the same files."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "1:cannot write", "2:bad option"})
public final class GenSamplesCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--output", defaultValue = "samples", paramLabel = "URI",
      description = "Directory to write warc/, wet/ and jsonl/ into (default: ${DEFAULT-VALUE})")
  String output;

  @Option(names = "--seed", defaultValue = "20261123", description = "Seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--pages", defaultValue = "160",
      description = "Number of HTML pages (default: ${DEFAULT-VALUE})")
  int pages;

  @Option(names = "--shards", defaultValue = "1",
      description = "Files per format the pages are split over (default: ${DEFAULT-VALUE})")
  int shards;

  @Override
  public Integer call() {
    if (shards < 1 || shards > pages) {
      throw new dev.quarry.core.config.ConfigException("command line", "--shards",
          "must be between 1 and --pages (got " + shards + ")");
    }
    if (pages < 10) {
      throw new dev.quarry.core.config.ConfigException("command line", "--pages",
          "must be at least 10 (got " + pages + ")");
    }
    List<String> files = new SampleCorpus(seed).write(new Configuration(), output, pages,
        shards);
    files.forEach(f -> spec.commandLine().getOut().println("gen-samples: wrote " + f));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
