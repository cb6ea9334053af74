package dev.quarry.mixes.spec;

import dev.quarry.core.config.Check;
import java.io.Serializable;

/**
 * One source of a mix: a committed Quarry dataset, optionally filtered, and how many of its
 * tokens to take — a fixed {@code tokens} target or a {@code weight} of the mix's
 * {@code total_tokens}. {@code max_epochs} caps upsampling: a source whose documents hold fewer
 * tokens than its target is repeated, in whole passes and then a seeded sample of one more,
 * up to that many times.
 */
public record MixSource(String name, String input, String filter, Long tokens, Double weight,
    Double maxEpochs) implements Serializable {
  public MixSource {
    maxEpochs = maxEpochs == null ? 1.0 : maxEpochs;
  }

  void validate() {
    Check.identifier(name, "name");
    Check.notBlank(input, "input");
    Check.that(filter == null || !filter.isBlank(), "filter",
        "is empty; leave it out to take every document");
    Check.that((tokens == null) != (weight == null), tokens == null ? "tokens" : "weight",
        "give either tokens (a target) or weight (a share of total_tokens), not both or neither");
    Check.that(tokens == null || tokens > 0, "tokens", "must be positive (got " + tokens + ")");
    Check.that(weight == null || weight > 0 && Double.isFinite(weight), "weight",
        "must be a positive number (got " + weight + ")");
    Check.that(maxEpochs >= 1 && Double.isFinite(maxEpochs), "max_epochs",
        "must be 1 or more (got " + maxEpochs + "); 1 takes every document at most once");
  }
}
