package dev.quarry.jobs.pipeline;

import dev.quarry.core.config.Check;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.ingest.IngestSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pipeline file ({@code conf/pipelines/*.yaml}): a name, a work directory under which each
 * stage writes ({@code <work_dir>/ingest/<source>}, {@code <work_dir>/filter/<source>},
 * {@code <work_dir>/dedup}), and the stages: ingest per source, then (optionally) the filter
 * chain over each source's documents, then (optionally) dedup over all sources together, then
 * (optionally) a mix version ({@code <work_dir>/mixes/<name>/vNNNN}).
 * Relative paths are resolved against the directory {@code quarry} runs in.
 */
public record PipelineConfig(String name, String workDir, List<IngestSettings> ingest,
    FilterStage filter, DedupOptions dedup, MixStage mix) implements YamlConfig.Validated {

  /** The filter stage: the chain file every source's documents go through. */
  public record FilterStage(String config) {}

  /**
   * The mix stage: a mix spec (its sources name the datasets the stages above wrote) and the
   * root its versions go to (default {@code <work_dir>/mixes}). A rerun makes no new version
   * when the latest has the same spec and inputs.
   */
  public record MixStage(String spec, String root) {}

  public PipelineConfig {
    ingest = ingest == null ? List.of() : List.copyOf(ingest);
  }

  @Override
  public void validate() {
    Check.identifier(name, "name");
    Check.notBlank(workDir, "work_dir");
    Check.notEmpty(ingest, "ingest");
    Check.each(ingest, "ingest", IngestSettings::validate);
    if (filter != null) {
      Check.notBlank(filter.config(), "filter.config");
    }
    if (mix != null) {
      Check.notBlank(mix.spec(), "mix.spec");
    }
    if (dedup != null) {
      try {
        dedup.validate();
      } catch (ConfigException e) {
        throw e.under("dedup");
      }
    }
    Set<String> sources = new HashSet<>();
    for (int i = 0; i < ingest.size(); i++) {
      if (!sources.add(ingest.get(i).source())) {
        throw new ConfigException("ingest[" + i + "].source", "'" + ingest.get(i).source()
            + "' is used twice; each ingest source needs its own name (it names the output)");
      }
    }
  }

  public String ingestOutput(IngestSettings source) {
    return workDir.replaceAll("/+$", "") + "/ingest/" + source.source();
  }

  public String filterOutput(IngestSettings source) {
    return workDir.replaceAll("/+$", "") + "/filter/" + source.source();
  }

  /** What dedup reads: every source's filter output, or its ingest output without a filter. */
  public List<String> dedupInputs() {
    return ingest.stream().map(source -> filter != null ? filterOutput(source)
        : ingestOutput(source)).toList();
  }

  /** Where the mix stage's versions go. */
  public String mixRoot() {
    return mix.root() != null ? mix.root() : workDir.replaceAll("/+$", "") + "/mixes";
  }

  /** The dedup stage's one output: every source deduplicated together. */
  public String dedupOutput() {
    return workDir.replaceAll("/+$", "") + "/dedup";
  }
}
