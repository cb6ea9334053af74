package dev.quarry.filters.chain;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import java.util.List;
import java.util.Map;

/**
 * A filter chain as configured in YAML:
 *
 * <pre>
 * mode: filter            # or annotate: run every step, record every verdict, drop nothing
 * rejected: sample        # all | sample | none: which dropped documents go to _rejected/
 * rejected_per_reason: 100
 * steps:
 *   - name: gopher_quality
 *     params: {min_words: 50}
 * </pre>
 */
public record ChainConfig(Mode mode, RejectedOutput rejected, Integer rejectedPerReason,
    List<StepConfig> steps) implements YamlConfig.Validated, java.io.Serializable {

  /** Filter drops documents; annotate records what each step would do and keeps everything. */
  public enum Mode { FILTER, ANNOTATE }

  /** Which dropped documents are written to {@code _rejected/}. */
  public enum RejectedOutput { ALL, SAMPLE, NONE }

  /** One step: a registered name and its parameters (checked by the step's factory). */
  public record StepConfig(String name, Map<String, Object> params)
      implements java.io.Serializable {
    public StepConfig {
      params = params == null ? Map.of() : params;
    }
  }

  public ChainConfig {
    mode = mode == null ? Mode.FILTER : mode;
    rejected = rejected == null ? RejectedOutput.ALL : rejected;
    rejectedPerReason = rejectedPerReason == null ? 100 : rejectedPerReason;
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  @Override
  public void validate() {
    if (steps.isEmpty()) {
      throw new ConfigException("steps", "the chain needs at least one step");
    }
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) == null || steps.get(i).name() == null) {
        throw new ConfigException("steps[" + i + "].name", "every step needs a name");
      }
    }
    if (rejectedPerReason < 1) {
      throw new ConfigException("rejected_per_reason", "must be at least 1 (got "
          + rejectedPerReason + ")");
    }
  }
}
