package dev.quarry.jobs.cli;

import dev.quarry.core.config.ByteSize;
import dev.quarry.core.config.ConfigException;
import dev.quarry.jobs.corpus.CorpusFiles;
import dev.quarry.jobs.corpus.CorpusJob;
import dev.quarry.jobs.corpus.CorpusMix;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry gen-corpus}: a synthetic crawl of any size, for benchmarks and tests. */
@Command(name = "gen-corpus", mixinStandardHelpOptions = true,
    description = {
        "Generates a crawl-like corpus of about --size bytes, in parallel on Spark: pages in "
            + "eleven languages (CJK included) with a log-normal length distribution, exact and "
            + "near duplicates at known similarities, spam, repetitive, list-only, gibberish and "
            + "too-short pages, and PII at known places. WARC output wraps each page in a site "
            + "template with navigation and footer boilerplate.",
        "Writes <output>/part-NNNNN.<ext>, the ground truth under <output>/truth/ (pages, "
            + "duplicates, pii as JSON lines), manifest.json and _SUCCESS. The same options "
            + "give the same bytes. See docs/corpus.md."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written, or already up to date", "1:failed while writing",
        "2:bad option, or the output exists with different options (use --overwrite)"})
public final class GenCorpusCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--size", required = true, paramLabel = "SIZE",
      description = "Total size of the data files, e.g. 10MB, 1GB, 2GiB (the truth files come "
          + "on top)")
  String size;

  @Option(names = "--format", defaultValue = "warc", paramLabel = "FORMAT",
      description = "warc, wet, jsonl or parquet (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--output", required = true, paramLabel = "URI",
      description = "Output directory (any Hadoop URI)")
  String output;

  @Option(names = "--shard-size", defaultValue = "64MB", paramLabel = "SIZE",
      description = "Size of each data file; one Spark task writes one (default: "
          + "${DEFAULT-VALUE})")
  String shardSize;

  @Option(names = "--languages", defaultValue = CorpusMix.DEFAULT_LANGUAGES,
      paramLabel = "LANG=WEIGHT,...",
      description = "Language mix, ISO 639-3 codes (default: ${DEFAULT-VALUE})")
  String languages;

  @Option(names = "--kinds", defaultValue = CorpusMix.DEFAULT_KINDS,
      paramLabel = "KIND=WEIGHT,...", description = "Page-kind mix (default: ${DEFAULT-VALUE})")
  String kinds;

  @Option(names = "--near-duplicate-similarity", defaultValue = CorpusMix.DEFAULT_SIMILARITY,
      paramLabel = "MIN:MAX",
      description = "Range of the Jaccard similarity near duplicates are planted at "
          + "(default: ${DEFAULT-VALUE})")
  String similarity;

  @Option(names = "--overwrite", description = "Replace an output made with other options")
  boolean overwrite;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    CorpusJob.Spec corpus = CliNames.onCommandLine(() -> {
      CorpusJob.Spec s = new CorpusJob.Spec(ByteSize.parse(size, "size"), format(format), seed,
          ByteSize.parse(shardSize, "shard_size"), languages, kinds, similarity);
      s.validate();
      return s;
    });
    return sparkOptions.runStage(spec, "gen-corpus",
        spark -> CorpusJob.run(spark, corpus, output, overwrite));
  }

  private static CorpusFiles.Format format(String name) {
    try {
      return CorpusFiles.Format.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("format", "must be one of warc, wet, jsonl, parquet (got '"
          + name + "')");
    }
  }
}
