package dev.quarry.jobs.cli;

import dev.quarry.filters.classifier.spark.ClassifierTraining;
import dev.quarry.filters.classifier.spark.TrainSettings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry classifier}: trains the linear classifiers the {@code classifier} step scores. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
    description = "Quality and toxicity classifiers over hashed word n-grams: train one with "
        + "Spark MLlib, then score documents with the classifier step of a filter chain "
        + "(docs/classifiers.md).",
    subcommands = {ClassifierCommand.Train.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failed", "2:bad arguments (the message names the option)"})
public final class ClassifierCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code quarry classifier train}. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {
          "Trains a logistic-regression classifier (Spark MLlib) on hashed word n-grams of "
              + "balanced, seeded samples of the --positive and --negative datasets (committed "
              + "Quarry datasets; labelled JSON Lines become one with quarry ingest --format "
              + "jsonl), holding out a share to measure it.",
          "Writes <output>/model.bin (what the classifier filter step reads), model.json (the "
              + "model card: inputs and their manifest hashes, sizes, features, seed, held-out "
              + "ROC-AUC, precision/recall at thresholds 0.1-0.9, calibration, Java vs MLlib "
              + "probabilities), manifest.json and _SUCCESS. A quality classifier: --positive "
              + "reference text (Wikipedia, instruction data), --negative random crawl; a "
              + "toxicity classifier: --positive the toxic examples. Rerunning with the same "
              + "inputs and options does nothing."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:trained, or the output is already up to date",
          "1:failed; nothing committed",
          "2:bad option (the message names it), too few documents on a side, or the output "
              + "exists with different inputs or options (use --overwrite)"})
  public static final class Train implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--positive", required = true, arity = "1..*", paramLabel = "URI",
        description = "Datasets of positive examples (what the model should score near 1)")
    List<String> positive;

    @Option(names = "--negative", required = true, arity = "1..*", paramLabel = "URI",
        description = "Datasets of negative examples (scored near 0)")
    List<String> negative;

    @Option(names = "--features", defaultValue = TrainSettings.DEFAULT_FEATURES,
        paramLabel = "word-ngrams:FROM-TO",
        description = "Word n-grams to hash (default: ${DEFAULT-VALUE})")
    String features;

    @Option(names = "--buckets", defaultValue = TrainSettings.DEFAULT_BUCKETS, paramLabel = "2^K",
        description = "Hash buckets, a power of two up to 2^26 (default: ${DEFAULT-VALUE}; "
            + "the scorer holds 8 bytes per bucket)")
    String buckets;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
        description = "Seed of the samples and the held-out split (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max-per-class", paramLabel = "N",
        description = "Documents sampled per side at most (default: as many as the smaller "
            + "side has)")
    Long maxPerClass;

    @Option(names = "--holdout", defaultValue = "0.1", paramLabel = "SHARE",
        description = "Share of the sampled documents held out (default: ${DEFAULT-VALUE})")
    double holdout;

    @Option(names = "--reg-param", defaultValue = "1e-4", paramLabel = "L2",
        description = "L2 regularisation (default: ${DEFAULT-VALUE})")
    double regParam;

    @Option(names = "--max-iter", defaultValue = "100", paramLabel = "N",
        description = "Most optimiser iterations (default: ${DEFAULT-VALUE})")
    int maxIter;

    @Mixin
    StageOutput stageOutput;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
      TrainSettings settings = CliNames.onCommandLine(() -> {
        TrainSettings s = new TrainSettings(positive, negative, features, buckets, seed,
            maxPerClass, holdout, regParam, maxIter);
        s.validate();
        return s;
      });
      return sparkOptions.runStage(spec, ClassifierTraining.JOB,
          spark -> ClassifierTraining.run(spark, settings, stageOutput.output,
              stageOutput.overwrite));
    }
  }
}
