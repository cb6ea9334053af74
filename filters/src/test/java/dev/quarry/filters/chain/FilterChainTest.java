package dev.quarry.filters.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.Document;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.stats.Accounting;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.TextScrubber;
import dev.quarry.filters.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterChainTest {

  /** Drops documents with fewer than {@code min} space-separated words. */
  record MinWordsParams(Integer min) implements YamlConfig.Validated {
    MinWordsParams {
      min = min == null ? 3 : min;
    }

    @Override
    public void validate() {
      if (min < 1) {
        throw new ConfigException("min", "must be at least 1 (got " + min + ")");
      }
    }
  }

  record MinWords(int min) implements DocumentStep {
    @Override
    public String name() {
      return "min_words";
    }

    @Override
    public Verdict apply(Document d) {
      int words = d.text().isBlank() ? 0 : d.text().trim().split("\\s+").length;
      return words < min ? Verdict.drop(d, "too_few_words") : Verdict.keep(d);
    }
  }

  /** Scores the share of upper-case letters. */
  record Shouting() implements DocumentStep {
    @Override
    public String name() {
      return "shouting";
    }

    @Override
    public Verdict apply(Document d) {
      long upper = d.text().chars().filter(Character::isUpperCase).count();
      long letters = Math.max(1, d.text().chars().filter(Character::isLetter).count());
      double share = (double) upper / letters;
      Document scored = d.withAttrs(Map.of("upper_share", share));
      return share > 0.5 ? Verdict.drop(scored, "shouting") : Verdict.keep(scored);
    }
  }

  record Broken() implements DocumentStep {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public Verdict apply(Document d) {
      if (d.text().contains("boom")) {
        throw new IllegalStateException("a bug");
      }
      return Verdict.keep(d);
    }
  }

  /** Replaces every digit by '#'. */
  record Digits() implements TextScrubber {
    @Override
    public String name() {
      return "digits";
    }

    @Override
    public Document scrub(Document d) {
      return d.withText(d.text().replaceAll("[0-9]", "#"));
    }

    @Override
    public Verdict apply(Document d) {
      return Verdict.keep(scrub(d));
    }
  }

  static final StepRegistry REGISTRY = new StepRegistry()
      .register("digits", Map.class, p -> new Digits())
      .register("min_words", MinWordsParams.class, p -> new MinWords(p.min()))
      .register("shouting", Map.class, p -> new Shouting())
      .register("broken", Map.class, p -> new Broken());

  static Document doc(String id, String text) {
    return new Document(id, text, null, "test", null, "mem:" + id, null, null, null, null,
        null, null);
  }

  static FilterChain chain(String yaml) {
    ChainConfig config = YamlConfig.parse(yaml, "chain.yaml", ChainConfig.class);
    return new FilterChain(REGISTRY.build(config, "chain.yaml"), config.mode());
  }

  @Test
  void filterModeStopsAtTheFirstDropAndCountsEveryStep() {
    FilterChain chain = chain("""
        steps:
          - {name: min_words, params: {min: 3}}
          - {name: shouting}
        """);
    FilterChain.Outcome shortOne = chain.apply(doc("a", "two words"));
    FilterChain.Outcome loud = chain.apply(doc("b", "THIS IS VERY LOUD"));
    FilterChain.Outcome fine = chain.apply(doc("c", "a calm and quiet sentence"));

    assertThat(shortOne.kept()).isFalse();
    assertThat(shortOne.droppedBy()).isEqualTo("min_words");
    assertThat(shortOne.dropReason()).isEqualTo("too_few_words");
    assertThat(loud.dropReason()).isEqualTo("shouting");
    assertThat(loud.document().attrs()).containsEntry("upper_share", 1.0);
    assertThat(fine.kept()).isTrue();
    assertThat(fine.document().attrs()).containsEntry("upper_share", 0.0);

    var counters = chain.stats().counters();
    assertThat(counters).containsEntry("docs_in", 3L).containsEntry("kept", 1L)
        .containsEntry("dropped.too_few_words", 1L).containsEntry("dropped.shouting", 1L)
        .containsEntry("step.min_words.in", 3L).containsEntry("step.shouting.in", 2L)
        .containsEntry("step.shouting.dropped.shouting", 1L)
        .containsKey("step.min_words.nanos");
    Accounting accounting = FilterChain.accounting(chain.stats());
    assertThat(accounting.balanced()).isTrue();
    assertThat(accounting.rejected()).containsOnlyKeys("too_few_words", "shouting");
  }

  @Test
  void annotateModeRunsEveryStepRecordsEveryVerdictAndDropsNothing() {
    FilterChain chain = chain("""
        mode: annotate
        steps:
          - {name: min_words, params: {min: 5}}
          - {name: shouting}
          - {name: broken}
        """);
    FilterChain.Outcome outcome = chain.apply(doc("a", "SHORT AND boom"));
    assertThat(outcome.kept()).isTrue();
    assertThat(outcome.document().tags()).containsEntry("verdict.min_words", "too_few_words")
        .containsEntry("verdict.shouting", "shouting").containsEntry("verdict.broken", "error");
    assertThat(outcome.document().attrs()).containsKey("upper_share");
    assertThat(chain.stats().counters()).containsEntry("kept", 1L)
        .containsEntry("step.shouting.dropped.shouting", 1L)
        .containsEntry("errors.broken_failed", 1L).doesNotContainKey("dropped.shouting");
  }

  @Test
  void aDocumentDroppedBeforeAScrubberIsScrubbedAllTheSame() {
    FilterChain chain = chain("steps: [{name: min_words, params: {min: 4}}, {name: broken}, "
        + "{name: digits}]");
    FilterChain.Outcome dropped = chain.apply(doc("a", "call 555 1234"));
    assertThat(dropped.dropReason()).isEqualTo("too_few_words");
    assertThat(dropped.document().text()).isEqualTo("call ### ####");
    FilterChain.Outcome failed = chain.apply(doc("b", "boom at 555 1234 today"));
    assertThat(failed.error()).isEqualTo("broken_failed");
    assertThat(failed.document().text()).isEqualTo("boom at ### #### today");
    assertThat(chain.apply(doc("c", "one two three 42")).document().text())
        .isEqualTo("one two three ##");
  }

  @Test
  void aStepThatThrowsMakesAnErrorNotAFailedTask() {
    FilterChain chain = chain("steps: [{name: broken}, {name: min_words}]");
    FilterChain.Outcome outcome = chain.apply(doc("a", "this one goes boom"));
    assertThat(outcome.kept()).isFalse();
    assertThat(outcome.error()).isEqualTo("broken_failed");
    assertThat(chain.apply(doc("b", "this one is fine")).kept()).isTrue();
    Accounting accounting = FilterChain.accounting(chain.stats());
    assertThat(accounting.errors()).containsEntry("broken_failed", 1L);
    assertThat(accounting.balanced()).isTrue();
  }

  @Test
  void configErrorsNameTheFieldAndWhatIsAllowed() {
    assertThatThrownBy(() -> chain("steps: [{name: min_words}, {name: nope}]"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chain.yaml").hasMessageContaining("steps[1].name")
        .hasMessageContaining("unknown step 'nope'")
        .hasMessageContaining("[broken, digits, min_words, shouting]");
    assertThatThrownBy(() -> chain("steps: [{name: min_words, params: {minn: 2}}]"))
        .hasMessageContaining("steps[0].params.minn").hasMessageContaining("unknown key 'minn'")
        .hasMessageContaining("allowed keys: [min]");
    assertThatThrownBy(() -> chain("steps: [{name: min_words, params: {min: 0}}]"))
        .hasMessageContaining("steps[0].params.min").hasMessageContaining("at least 1");
    assertThatThrownBy(() -> chain("mode: sideways\nsteps: [{name: shouting}]"))
        .hasMessageContaining("mode").hasMessageContaining("[filter, annotate]");
    assertThatThrownBy(() -> chain("mode: filter"))
        .hasMessageContaining("steps").hasMessageContaining("at least one step");
  }

  @Test
  void defaults() {
    ChainConfig config = YamlConfig.parse("steps: [{name: shouting}]", "c", ChainConfig.class);
    assertThat(config.mode()).isEqualTo(ChainConfig.Mode.FILTER);
    assertThat(config.rejected()).isEqualTo(ChainConfig.RejectedOutput.ALL);
    assertThat(config.rejectedPerReason()).isEqualTo(100);
    assertThat(config.steps()).extracting(ChainConfig.StepConfig::params)
        .containsExactly(Map.of());
    assertThat(REGISTRY.names()).isEqualTo(List.of("broken", "digits", "min_words", "shouting"));
  }
}
