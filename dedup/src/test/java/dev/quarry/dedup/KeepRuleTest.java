package dev.quarry.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeepRuleTest {
  record Holder(KeepRule keep) {}

  static KeepRule.Candidate doc(String id, Double quality, String fetched, int chars) {
    return new KeepRule.Candidate(id, quality == null ? Map.of() : Map.of("quality", quality),
        fetched == null ? null : Instant.parse(fetched), null, chars);
  }

  static KeepRule rule(String yaml) {
    KeepRule rule = YamlConfig.parse("keep: " + yaml, "dedup.yaml", Holder.class).keep();
    rule.validate("keep");
    return rule;
  }

  static String first(KeepRule rule, List<KeepRule.Candidate> docs) {
    List<KeepRule.Candidate> sorted = new ArrayList<>(docs);
    sorted.sort(rule.comparator());
    return sorted.get(0).id();
  }

  @Test
  void highestQualityThenEarliestFetchThenSmallestId() {
    KeepRule rule = rule("[{attr: quality, order: desc}, {column: fetched_at, order: asc}]");
    assertThat(first(rule, List.of(doc("a", 0.5, "2024-01-01T00:00:00Z", 10),
        doc("b", 0.9, "2024-03-01T00:00:00Z", 10)))).isEqualTo("b");
    assertThat(first(rule, List.of(doc("c", 0.9, "2024-03-01T00:00:00Z", 10),
        doc("b", 0.9, "2024-01-01T00:00:00Z", 10)))).isEqualTo("b");
    assertThat(first(rule, List.of(doc("z", 0.9, "2024-01-01T00:00:00Z", 10),
        doc("y", 0.9, "2024-01-01T00:00:00Z", 10)))).isEqualTo("y");
    assertThat(rule.describe()).isEqualTo("attrs.quality desc, fetched_at asc, id asc");
  }

  @Test
  void missingValuesComeLastInEitherOrder() {
    List<KeepRule.Candidate> docs = List.of(doc("a", null, null, 5), doc("b", 0.1, null, 5));
    assertThat(first(rule("[{attr: quality, order: desc}]"), docs)).isEqualTo("b");
    assertThat(first(rule("[{attr: quality, order: asc}]"), docs)).isEqualTo("b");
    assertThat(first(KeepRule.defaults(), List.of(doc("a", null, null, 5),
        doc("b", null, "2020-01-01T00:00:00Z", 5)))).isEqualTo("b");
  }

  @Test
  void theChoiceDoesNotDependOnTheInputOrder() {
    KeepRule rule = rule("[{column: text_chars, order: desc}]");
    List<KeepRule.Candidate> docs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      docs.add(doc(String.format("d%02d", i), null, null, i % 7));
    }
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(docs, random);
      assertThat(first(rule, docs)).isEqualTo("d06");
    }
  }

  @Test
  void theDefaultKeepsTheEarliestFetchedCopy() {
    assertThat(KeepRule.defaults().describe()).isEqualTo("fetched_at asc, id asc");
    assertThat(rule("[]").describe()).isEqualTo("id asc");
  }

  @Test
  void mistakesNameTheFieldAndTheChoices() {
    assertThatThrownBy(() -> rule("[{column: size}]")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("keep[0].column").hasMessageContaining("fetched_at");
    assertThatThrownBy(() -> rule("[{attr: q, column: fetched_at}]"))
        .hasMessageContaining("keep[0]").hasMessageContaining("exactly one of attr");
    assertThatThrownBy(() -> rule("[{attr: q, order: up}]"))
        .hasMessageContaining("order must be asc or desc");
  }
}
