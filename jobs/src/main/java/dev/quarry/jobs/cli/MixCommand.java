package dev.quarry.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.Json;
import dev.quarry.mixes.registry.MixRef;
import dev.quarry.mixes.registry.MixRegistry;
import dev.quarry.mixes.registry.MixVerifier;
import dev.quarry.mixes.registry.MixVersions;
import dev.quarry.mixes.spark.MixJob;
import dev.quarry.mixes.spec.MixSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry mix}: versioned token mixes — create a version, and the registry's tools. */
@Command(name = "mix", mixinStandardHelpOptions = true,
    description = "Versioned token mixes: tokenized, shuffled, sharded samples of curated "
        + "datasets for training (Megatron .bin/.idx, OLMo .npy + .csv.gz), with lineage.",
    subcommands = {MixCommand.Create.class, MixCommand.ListVersions.class, MixCommand.Show.class,
        MixCommand.Diff.class, MixCommand.Verify.class, MixCommand.Trace.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:failed", "2:bad arguments, spec or a target that cannot be "
        + "met (the message names the field)"})
public final class MixCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code quarry mix create <spec> --root <uri>}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Makes the next version of the mix a spec describes (examples: "
          + "conf/mixes/): <root>/<name>/v0001, v0002, … — never overwriting one.",
          "Tokenizes every source once, takes each source's token target (whole epochs, then "
              + "a seeded sample; up to max_epochs), shuffles globally by the seed, and writes "
              + "each shard in every format asked, a Parquet index of its documents "
              + "(index/), manifest.json (lineage, every file's SHA-256) and _SUCCESS. The "
              + "same spec and inputs give byte-identical shards and index."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the version was created (its name is printed)",
          "1:failed (the claimed version is left without _SUCCESS and is never reused)",
          "2:bad spec, or a source with fewer tokens than its target allows (the message says "
              + "how many it has)"})
  public static final class Create implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "The mix spec")
    Path specFile;

    @Option(names = "--root", required = true, paramLabel = "URI",
        description = "Where mixes live: versions go to <root>/<name>/vNNNN")
    String root;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
        description = "A value for ${NAME} in the spec's inputs (repeatable), e.g. "
            + "work_dir=out/demo")
    java.util.Map<String, String> variables = new java.util.LinkedHashMap<>();

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
      MixSpec mix;
      try {
        mix = MixSpec.load(specFile).withVariables(variables);
        mix.validate();
      } catch (ConfigException e) {
        throw e.in(specFile.toString());
      }
      SparkSession spark = sparkOptions.session("mix create " + mix.name());
      try {
        MixJob.Result result;
        try {
          result = MixJob.create(spark, mix, root);
        } catch (ConfigException e) {
          throw e.in(specFile.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(describe(result));
        out.flush();
        return ExitCodes.OK;
      } finally {
        sparkOptions.release(spark);
      }
    }
  }

  /** The line that reports a create. */
  static String describe(MixJob.Result result) {
    return String.format("mix: %s %s at %s (%,d documents, %,d tokens, %d shards)",
        result.created() ? "created" : "up to date:", result.label(), result.directory(),
        result.documents(), result.tokens(), result.shards());
  }

  /** The root option and the Hadoop settings of the registry commands (no Spark session). */
  static final class RootOption {
    @Option(names = "--root", required = true, paramLabel = "URI",
        description = "Where mixes live (<root>/<name>/vNNNN)")
    String root;

    MixRegistry registry() {
      return new MixRegistry(root, hadoopConf());
    }
  }

  /**
   * The Hadoop settings of the commands that run no Spark session: the cluster's (core-site.xml)
   * and, as Spark would apply them, every {@code spark.hadoop.*} setting spark-submit was given
   * ({@code --conf spark.hadoop.fs.s3a.endpoint=...}; they reach the driver as system
   * properties).
   */
  static Configuration hadoopConf() {
    Configuration conf = new Configuration();
    for (scala.Tuple2<String, String> setting
        : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
      conf.set(setting._1(), setting._2());
    }
    return conf;
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists every version of every mix under the root: committed ones with their"
          + " documents, tokens, shards and creation time; others as 'incomplete' (a create that"
          + " failed or is running; never reused).",
      exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed", "1:cannot read the "
          + "root", "2:bad option"})
  static final class ListVersions implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOption root;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<MixRegistry.Listed> rows = root.registry().list();
      if (rows.isEmpty()) {
        out.println("no mixes under " + root.root);
      }
      for (MixRegistry.Listed row : rows) {
        out.println(row.committed()
            ? String.format("%s@%s  %,d documents  %,d tokens  %d shards  %s", row.name(),
                MixVersions.label(row.version()), row.documents(), row.tokens(), row.shards(),
                row.createdAt())
            : String.format("%s@%s  incomplete (no _SUCCESS)", row.name(),
                MixVersions.label(row.version())));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Prints a version's manifest.json: spec, tokenizer, sources and their "
          + "dataset manifests, shards with SHA-256, totals.",
      exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:shown", "1:cannot read it",
          "2:no such mix or version"})
  static final class Show implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOption root;

    @Parameters(index = "0", paramLabel = "NAME[@vN]",
        description = "e.g. web-en@v0003; without @ the latest committed version")
    String version;

    @Override
    public Integer call() {
      JsonNode manifest = root.registry().manifest(MixRef.parse(version, "NAME[@vN]"),
          "NAME[@vN]");
      spec.commandLine().getOut().println(Json.pretty(manifest));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = "What changed between two versions: spec values, the tokenizer's "
          + "vocabulary, each source's tokens, and inputs whose manifests changed.",
      exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:compared", "1:cannot read "
          + "them", "2:no such mix or version"})
  static final class Diff implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOption root;

    @Parameters(index = "0", paramLabel = "FROM", description = "e.g. web-en@v0002")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "e.g. web-en@v0003")
    String to;

    @Override
    public Integer call() {
      MixRegistry registry = root.registry();
      List<String> lines = MixRegistry.diff(registry.manifest(MixRef.parse(from, "FROM"), "FROM"),
          registry.manifest(MixRef.parse(to, "TO"), "TO"));
      lines.forEach(spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Re-reads every file of a version and checks the format invariants, the "
          + "documents and tokens per shard, and sizes and SHA-256 against the manifest. "
          + "Prints every problem found.",
      exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the version is what its "
          + "manifest says", "1:a mismatch (each one printed) or an unreadable file"})
  static final class Verify implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URI",
        description = "A version directory, e.g. out/demo/mixes/demo/v0001")
    String uri;

    @Override
    public Integer call() throws Exception {
      MixVerifier.Report report = MixVerifier.verify(uri, hadoopConf());
      PrintWriter out = spec.commandLine().getOut();
      report.problems().forEach(p -> out.println("mix verify: " + p));
      out.printf("mix verify: %s: %d shards, %,d documents, %,d tokens, %,d bytes read: %s%n",
          uri, report.shards(), report.documents(), report.tokens(), report.bytesRead(),
          report.ok() ? "OK" : report.problems().size() + " problem(s)");
      out.flush();
      return report.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  @Command(name = "trace", mixinStandardHelpOptions = true,
      description = "Which document a token of a shard came from: its id, source, dataset (and "
          + "that dataset's manifest SHA-256), URL and location in the raw crawl.",
      exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:found", "1:cannot read the "
          + "index", "2:no such mix, version, shard or token"})
  static final class Trace implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOption root;

    @Parameters(index = "0", paramLabel = "NAME[@vN]")
    String version;

    @Option(names = "--shard", required = true, description = "Shard number, from 0")
    int shard;

    @Option(names = "--token", required = true,
        description = "Token position in the shard, from 0 (not a byte offset)")
    long token;

    @Override
    public Integer call() {
      MixRegistry.Traced t = root.registry().trace(MixRef.parse(version, "NAME[@vN]"), shard,
          token);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("shard %d token %d: token %d of document %s (tokens %d..%d of the shard)%n",
          t.shard(), t.token(), t.token() - t.documentOffset(), t.id(), t.documentOffset(),
          t.documentOffset() + t.documentLength() - 1);
      out.println("  source:   " + t.source() + " (epoch " + t.epoch() + ")");
      out.println("  dataset:  " + t.dataset() + " (manifest sha256 " + t.datasetManifestSha256()
          + ")");
      out.println("  url:      " + t.url());
      out.println("  location: " + t.location());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
