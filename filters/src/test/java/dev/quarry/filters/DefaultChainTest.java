package dev.quarry.filters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.chain.ChainConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped chain file builds: every step and parameter name in it is one the code knows. */
class DefaultChainTest {
  @Test
  void confFiltersDefaultYamlBuilds() {
    Path file = Path.of("..", "conf", "filters", "default.yaml");
    ChainConfig chain = YamlConfig.load(file, ChainConfig.class);
    assertThat(FilterSteps.registry().build(chain, file.toString()))
        .extracting(DocumentStep::name)
        .containsExactly("url_blocklist", "language_id", "gopher_repetition", "gopher_quality",
            "c4_quality", "fineweb_quality", "content_word_list", "pii");
  }
}
