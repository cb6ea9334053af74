package dev.quarry.jobs.cli;

import dev.quarry.ingest.IngestSettings;
import dev.quarry.ingest.InputFormat;
import dev.quarry.ingest.spark.IngestJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry ingest}: raw crawl shards to a Parquet document dataset. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
        "Reads raw shards (any Hadoop URI; globs allowed) into documents: HTML responses of WARC "
            + "files go through main-text extraction, WET conversion records are kept as they "
            + "are, JSONL/Parquet take the text field, text files are one document each.",
        "Writes <output>/part-*.parquet, _rejected/, _errors/, manifest.json and _SUCCESS. "
            + "Rerunning with the same inputs and options does nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ingested, or the output is already up to date",
        "1:failed (e.g. error rate above --max-error-rate); nothing committed",
        "2:bad option, or the output exists with different options (use --overwrite)"})
public final class IngestCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "GLOB",
      description = "Input files or globs, e.g. s3a://bucket/crawl/*.warc.gz")
  List<String> input;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "Input format: ${COMPLETION-CANDIDATES}")
  InputFormat format;

  @Option(names = "--source", defaultValue = "web", paramLabel = "NAME",
      description = "Source name stored in every document (default: ${DEFAULT-VALUE})")
  String source;

  @Option(names = "--crawl", paramLabel = "ID",
      description = "Crawl id, e.g. CC-MAIN-2024-10 (default: the WARC warcinfo isPartOf)")
  String crawl;

  @Option(names = "--text-field", defaultValue = "text", paramLabel = "NAME",
      description = "JSONL field / Parquet column with the text (default: ${DEFAULT-VALUE})")
  String textField;

  @Option(names = "--id-field", defaultValue = "id", paramLabel = "NAME",
      description = "JSONL field / Parquet column with an upstream id, kept in "
          + "tags.source_id (default: ${DEFAULT-VALUE})")
  String idField;

  @Option(names = "--url-field", defaultValue = "url", paramLabel = "NAME",
      description = "JSONL field / Parquet column with the URL (default: ${DEFAULT-VALUE})")
  String urlField;

  @Option(names = "--max-record-bytes", paramLabel = "N",
      description = "Larger records are rejected as record_too_large (default: 33554432)")
  Long maxRecordBytes;

  @Option(names = "--max-error-rate", paramLabel = "FRACTION",
      description = "Fail when unreadable records / records in exceeds this (default: 0.01)")
  Double maxErrorRate;

  @Mixin
  StageOutput stageOutput;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    IngestSettings settings = new IngestSettings(source, format, input, crawl, textField,
        idField, urlField, maxRecordBytes, maxErrorRate);
    CliNames.onCommandLine(() -> {
      settings.validate();
      return settings;
    });
    return sparkOptions.runStage(spec, "ingest",
        spark -> IngestJob.run(spark, settings, stageOutput.output, stageOutput.overwrite));
  }
}
