package dev.quarry.dedup;

import dev.quarry.core.config.Check;
import dev.quarry.core.config.YamlConfig;
import java.io.Serializable;
import java.util.List;

/**
 * What one dedup run reads and how: committed document datasets (deduplicated together, as one
 * collection), earlier dedup outputs whose kept documents it is compared with ({@code index}:
 * their documents win and are never removed), and the options. Everything here is part of the
 * fingerprint.
 */
public record DedupSettings(List<String> input, List<String> index, DedupOptions options)
    implements YamlConfig.Validated, Serializable {
  public DedupSettings {
    input = input == null ? List.of() : List.copyOf(input);
    index = index == null ? List.of() : List.copyOf(index);
    options = options == null ? DedupOptions.defaults() : options;
  }

  public DedupSettings(List<String> input, DedupOptions options) {
    this(input, null, options);
  }

  @Override
  public void validate() {
    Check.notEmpty(input, "input");
    Check.each(input, "input", uri -> Check.notBlank(uri, ""));
    Check.each(index, "index", uri -> Check.notBlank(uri, ""));
    options.validate();
  }
}
