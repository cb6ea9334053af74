package dev.quarry.filters.spark;

import dev.quarry.core.config.Check;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.chain.ChainConfig;

/** What the filter stage runs: a committed document dataset through a configured chain. */
public record FilterSettings(String input, ChainConfig chain) implements YamlConfig.Validated {
  @Override
  public void validate() {
    Check.notBlank(input, "input");
    Check.that(chain != null, "config", "a filter chain is required");
    chain.validate();
  }
}
