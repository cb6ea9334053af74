package dev.quarry.jobs.cli;

import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.spark.FilterJob;
import dev.quarry.filters.spark.FilterSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry filter}: documents through a chain of filters and annotators. */
@Command(name = "filter", mixinStandardHelpOptions = true,
    description = {
        "Runs a committed document dataset (e.g. an ingest output) through the filter chain of "
            + "--config (see conf/filters/default.yaml and docs/filters.md): language "
            + "identification and the other steps, in order. In filter mode a document stops at "
            + "the first step that drops it; in annotate mode every step runs, each verdict is "
            + "recorded in tags and nothing is dropped.",
        "Writes <output>/part-*.parquet, _rejected/ (with reject_stage, reject_reason, "
            + "reject_step), _errors/, manifest.json (counts per step, reason and language; "
            + "step time shares) and _SUCCESS. Rerunning with the same input and chain does "
            + "nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:filtered, or the output is already up to date",
        "1:failed; nothing committed",
        "2:bad option or chain config (the message names the file and field), or the output "
            + "exists with different options (use --overwrite)"})
public final class FilterCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "URI",
      description = "A committed document dataset, e.g. out/demo/ingest/sample-warc")
  String input;

  @Option(names = "--config", required = true, paramLabel = "CHAIN.yaml",
      description = "The filter chain, e.g. conf/filters/default.yaml")
  Path config;

  @Mixin
  StageOutput stageOutput;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    ChainConfig chain = YamlConfig.load(config, ChainConfig.class);
    FilterSettings settings = new FilterSettings(input, chain);
    return sparkOptions.runStage(spec, "filter",
        spark -> FilterJob.run(spark, settings, config.toString(), stageOutput.output,
            stageOutput.overwrite));
  }
}
