package dev.quarry.jobs.cli;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.dedup.DedupSettings;
import dev.quarry.dedup.spark.DedupJob;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.spark.FilterJob;
import dev.quarry.filters.spark.FilterSettings;
import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.spark.IngestJob;
import dev.quarry.jobs.pipeline.PipelineConfig;
import dev.quarry.mixes.spark.MixJob;
import dev.quarry.mixes.spec.MixSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        "Stages so far: ingest (one output per source under <work_dir>/ingest/<source>), then "
            + "filter when the file has a filter section (<work_dir>/filter/<source>), then "
            + "dedup over all sources together when it has a dedup section (<work_dir>/dedup), "
            + "then a mix version when it has a mix section (<work_dir>/mixes/<name>/vNNNN; "
            + "none when the latest version has the same spec and inputs)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every stage ran or was up to date", "1:a stage failed",
        "2:the pipeline file is invalid, or an output exists with different options"})
public final class RunCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PIPELINE.yaml", description = "Pipeline file")
  Path pipeline;

  @Option(names = "--overwrite",
      description = "Replace stage outputs written with different inputs or options")
  boolean overwrite;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    PipelineConfig config = YamlConfig.load(pipeline, PipelineConfig.class);
    SparkSession spark = sparkOptions.session("run " + config.name());
    try {
      for (int i = 0; i < config.ingest().size(); i++) {
        IngestSettings source = config.ingest().get(i);
        StageRunner.Result result;
        try {
          result = IngestJob.run(spark, source, config.ingestOutput(source), overwrite);
        } catch (ConfigException e) {
          throw e.under("ingest[" + i + "]").in(pipeline.toString());
        }
        Reports.print(spec.commandLine().getOut(), "ingest " + source.source(), result);
      }
      if (config.filter() != null) {
        String chainFile = config.filter().config();
        ChainConfig chain = YamlConfig.load(Path.of(chainFile), ChainConfig.class);
        for (IngestSettings source : config.ingest()) {
          FilterSettings settings = new FilterSettings(config.ingestOutput(source), chain);
          Reports.print(spec.commandLine().getOut(), "filter " + source.source(),
              FilterJob.run(spark, settings, chainFile, config.filterOutput(source),
                  overwrite));
        }
      }
      if (config.dedup() != null) {
        DedupSettings settings = new DedupSettings(config.dedupInputs(), config.dedup());
        spec.commandLine().getOut().println("dedup: " + config.dedup().lsh().describe());
        Reports.print(spec.commandLine().getOut(), "dedup", DedupJob.run(spark, settings,
            config.dedupOutput(), overwrite, null));
      }
      if (config.mix() != null) {
        Path specFile = Path.of(config.mix().spec());
        MixSpec mix = MixSpec.load(specFile).withVariables(java.util.Map.of("work_dir",
            config.workDir()));
        MixJob.Result result;
        try {
          result = MixJob.createUnlessUpToDate(spark, mix, config.mixRoot());
        } catch (ConfigException e) {
          throw e.in(specFile.toString());
        }
        spec.commandLine().getOut().println(MixCommand.describe(result));
      }
      return ExitCodes.OK;
    } finally {
      sparkOptions.release(spark);
    }
  }
}
