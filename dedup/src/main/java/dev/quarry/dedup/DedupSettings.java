package dev.quarry.dedup;

import dev.quarry.core.config.Check;
import dev.quarry.core.config.YamlConfig;
import java.io.Serializable;
import java.util.List;

/**
 * What one dedup run reads and how: committed document datasets (deduplicated together, as one
 * collection) and the options. Everything here is part of the fingerprint.
 */
public record DedupSettings(List<String> input, DedupOptions options)
    implements YamlConfig.Validated, Serializable {
  public DedupSettings {
    input = input == null ? List.of() : List.copyOf(input);
    options = options == null ? DedupOptions.defaults() : options;
  }

  @Override
  public void validate() {
    Check.notEmpty(input, "input");
    Check.each(input, "input", uri -> Check.notBlank(uri, ""));
    options.validate();
  }
}
