package dev.quarry.jobs.cli;

import picocli.CommandLine.Option;

/** The options every stage command shares: where its output goes, and whether to replace it. */
final class StageOutput {
  @Option(names = "--output", required = true, paramLabel = "URI",
      description = "Output dataset directory")
  String output;

  @Option(names = "--overwrite",
      description = "Replace an output written with different inputs or options")
  boolean overwrite;
}
