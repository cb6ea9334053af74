package dev.quarry.jobs.cli;

import dev.quarry.core.config.YamlConfig;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.DedupSettings;
import dev.quarry.dedup.spark.DedupJob;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry dedup}: exact and near-duplicate removal over one or more datasets. */
@Command(name = "dedup", mixinStandardHelpOptions = true,
    description = {
        "Removes exact and near duplicates (MinHash LSH over word 5-gram shingles) from one or "
            + "more committed document datasets, deduplicated together: see docs/dedup.md.",
        "Prints the LSH banding chosen for the threshold with its S-curve, then writes "
            + "<output>/part-*.parquet (the kept documents, with cluster_id and dup_count), "
            + "_clusters/ (id, cluster_id, cluster_size, kept, kept_id, earlier, reason), "
            + "_index/ (the keys of the kept documents, for later --index), _rejected/ (dropped "
            + "copies with reject_reason exact_duplicate or near_duplicate), manifest.json "
            + "(duplicate rate, bucket and cluster sizes, the LSH curve, connected-components "
            + "rounds) and _SUCCESS. Rerunning with the same inputs and options does nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:deduplicated, or the output is already up to date",
        "1:failed; nothing committed",
        "2:bad option or config (the message names the field and what is allowed), or the "
            + "output exists with different options (use --overwrite)"})
public final class DedupCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "URI",
      description = "Committed document datasets, e.g. out/demo/filter/sample-warc")
  List<String> input;

  @Option(names = "--index", arity = "1..*", paramLabel = "URI",
      description = "Earlier dedup outputs to compare with (incremental dedup): documents "
          + "they kept win and are never removed; their _index/ is read, not their text")
  List<String> index;

  @Option(names = "--config", paramLabel = "DEDUP.yaml",
      description = "Dedup options (see conf/dedup/default.yaml); flags override it")
  Path config;

  @Option(names = "--threshold", paramLabel = "J",
      description = "Jaccard similarity of word 5-gram shingles that makes two documents "
          + "duplicates, strictly between 0 and 1 (default: 0.8)")
  Double threshold;

  @Option(names = "--checkpoint-dir", paramLabel = "URI",
      description = "Where connected components checkpoints its rounds (reliable, survives a "
          + "lost executor); default: executor-local checkpoints (faster; a lost executor "
          + "fails the stage, and a rerun starts it again)")
  String checkpointDir;

  @Mixin
  StageOutput stageOutput;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    DedupOptions options = config == null ? DedupOptions.defaults()
        : YamlConfig.load(config, DedupOptions.class);
    if (threshold != null) {
      options = options.withThreshold(threshold);
    }
    DedupOptions chosen = options;
    DedupSettings checked = CliNames.onCommandLine(() -> {
      DedupSettings settings = new DedupSettings(input, index, chosen);
      settings.validate();
      return settings;
    });
    spec.commandLine().getOut().println("dedup: " + checked.options().lsh().describe());
    return sparkOptions.runStage(spec, "dedup",
        spark -> DedupJob.run(spark, checked, stageOutput.output, stageOutput.overwrite,
            checkpointDir));
  }
}
