package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.Document;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.FilterSteps;
import dev.quarry.filters.Verdict;
import dev.quarry.filters.chain.ChainConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiStepTest {
  /** One value of every type, each in a context its detector accepts. */
  static final Map<String, String> VALUES = Map.of(
      "email", "anna.kowalska@mail.example.pl",
      "phone", "+44 20 7946 0958",
      "ip_address", "81.2.69.160",
      "credit_card", "4111 1111 1111 1111",
      "iban", "DE89 3704 0044 0532 0130 00",
      "us_ssn", "437-10-0214",
      "secret", "AKIAQ7XZ4P2LMN3RT5VW");
  static final String TEXT = "Write to anna.kowalska@mail.example.pl or call +44 20 7946 0958. "
      + "Login from 81.2.69.160 was paid with Visa 4111 1111 1111 1111; refunds go to "
      + "DE89 3704 0044 0532 0130 00. SSN: 437-10-0214. aws_access_key_id = AKIAQ7XZ4P2LMN3RT5VW\n";

  static Document doc(String text) {
    return new Document("d1", text, "https://shop.example/contact", "test", null, "mem:d1",
        null, null, "eng", 0.99, null, null);
  }

  static DocumentStep step(String paramsYaml) {
    return step(paramsYaml, "chain.yaml");
  }

  static DocumentStep step(String paramsYaml, String origin) {
    ChainConfig config = YamlConfig.parse("steps: [{name: pii, params: " + paramsYaml + "}]",
        origin, ChainConfig.class);
    return FilterSteps.registry().build(config, origin).get(0);
  }

  @Test
  void byDefaultEveryTypeIsRedactedAndCountedAndTheDocumentKept() {
    Verdict verdict = step("{}").apply(doc(TEXT));
    assertThat(verdict.kept()).isTrue();
    Document out = verdict.document();
    assertThat(out.text()).isEqualTo("Write to <EMAIL> or call <PHONE>. Login from <IP_ADDRESS> "
        + "was paid with Visa <CREDIT_CARD>; refunds go to <IBAN>. SSN: <US_SSN>. "
        + "aws_access_key_id = <SECRET>\n");
    VALUES.keySet().forEach(type -> assertThat(out.attrs()).containsEntry("pii." + type, 1.0));
    assertThat(out.attrs()).containsEntry("pii.total", 7.0);
  }

  @Test
  void theSpansTagPointsAtTheChangedPlacesInTheNewText() {
    Document out = step("{}").apply(doc(TEXT)).document();
    String[] spans = out.tags().get(PiiStep.SPANS_TAG).split(",");
    assertThat(spans).hasSize(7);
    for (String span : spans) {
      String type = span.substring(0, span.indexOf(':'));
      String[] range = span.substring(span.indexOf(':') + 1).split("-");
      String changed = out.text().substring(Integer.parseInt(range[0]),
          Integer.parseInt(range[1]));
      assertThat(changed).isEqualTo("<" + type.toUpperCase() + ">");
    }
  }

  @Test
  void noOriginalValueIsLeftInTheTextAttrsOrTagsWhateverTheAction() {
    for (String action : List.of("redact", "replace", "hash")) {
      Map<String, String> actions = new java.util.HashMap<>();
      VALUES.keySet().forEach(type -> actions.put(type, action));
      DocumentStep step = new PiiStep(new PiiStep.Params(actions, null, null, null),
          PiiDetectors.all(), name -> "a-test-key");
      Document out = step.apply(doc(TEXT)).document();
      assertThat(out.attrs()).containsEntry("pii.total", 7.0);
      String everything = out.text() + out.attrs() + out.tags();
      VALUES.values().forEach(value -> assertThat(everything).as(action).doesNotContain(value));
    }
  }

  @Test
  void aTextWithoutPiiIsLeftAloneAndCountedAsZero() {
    String text = "Version 1.2.3.4 shipped on 2024-03-01 at 10:15; ISBN 978-3-16-148410-0.";
    Document out = step("{}").apply(doc(text)).document();
    assertThat(out.text()).isSameAs(text);
    assertThat(out.attrs()).containsEntry("pii.total", 0.0);
    assertThat(out.tags()).doesNotContainKey(PiiStep.SPANS_TAG);
  }

  @Test
  void keptTypesAndKeptIpRangesAreLeftAsTheyAre() {
    String text = "Docs use 192.0.2.10, the router is 10.1.2.3, the server 81.2.69.160; "
        + "mail anna@mail.example.pl";
    Document out = step("{actions: {email: keep}, keep_ip_ranges: [documentation, private]}")
        .apply(doc(text)).document();
    assertThat(out.text()).isEqualTo("Docs use 192.0.2.10, the router is 10.1.2.3, the server "
        + "<IP_ADDRESS>; mail anna@mail.example.pl");
    assertThat(out.attrs()).containsEntry("pii.ip_address", 1.0).containsEntry("pii.total", 1.0);
  }

  @Test
  void pastMaxEntitiesTheDocumentIsDroppedAndStillScrubbed() {
    Verdict verdict = step("{max_entities: 6}").apply(doc(TEXT));
    assertThat(verdict.dropReason()).isEqualTo(PiiStep.REASON);
    assertThat(verdict.document().text()).doesNotContain(VALUES.get("email"));
    assertThat(step("{max_entities: 7}").apply(doc(TEXT)).kept()).isTrue();
  }

  @Test
  void hashingTheSameValueGivesTheSameTokenAndDependsOnTheKey() {
    PiiStep.Params params = new PiiStep.Params(Map.of("email", "hash"), null, null, null);
    String text = "anna@mail.example.pl wrote; reply to anna@mail.example.pl";
    String a = new PiiStep(params, PiiDetectors.all(), name -> "key-one").apply(doc(text))
        .document().text();
    String b = new PiiStep(params, PiiDetectors.all(), name -> "key-two").apply(doc(text))
        .document().text();
    assertThat(a).matches("<EMAIL:[0-9a-f]{16}> wrote; reply to <EMAIL:[0-9a-f]{16}>");
    assertThat(a.substring(0, 24)).isEqualTo(a.substring(a.length() - 24));
    assertThat(b).isNotEqualTo(a);
  }

  @Test
  void theHashKeyComesFromTheNamedEnvironmentVariableWithAClearErrorWhenMissing() {
    PiiStep.Params params = new PiiStep.Params(Map.of("phone", "hash"), null,
        "QUARRY_TEST_KEY_THAT_IS_NOT_SET", null);
    assertThatThrownBy(() -> new PiiStep(params, PiiDetectors.all(), name -> null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hash_key_env")
        .hasMessageContaining("QUARRY_TEST_KEY_THAT_IS_NOT_SET")
        .hasMessageContaining("spark.executorEnv.");
    assertThatThrownBy(() -> step("{actions: {phone: hash}, "
        + "hash_key_env: QUARRY_TEST_KEY_THAT_IS_NOT_SET}"))
        .hasMessageContaining("chain.yaml: steps[0].params.hash_key_env");
    String[] asked = new String[1];
    new PiiStep(params, PiiDetectors.all(), name -> {
      asked[0] = name;
      return "k";
    });
    assertThat(asked[0]).isEqualTo("QUARRY_TEST_KEY_THAT_IS_NOT_SET");
  }

  @Test
  void configMistakesNameTheFieldAndTheAllowedValues() {
    assertThatThrownBy(() -> step("{actions: {fax: redact}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chain.yaml: steps[0].params.actions.fax")
        .hasMessageContaining("email");
    assertThatThrownBy(() -> step("{actions: {email: shred}}"))
        .hasMessageContaining("steps[0].params.actions.email")
        .hasMessageContaining("redact").hasMessageContaining("replace")
        .hasMessageContaining("hash").hasMessageContaining("keep");
    assertThatThrownBy(() -> step("{keep_ip_ranges: [intranet]}"))
        .hasMessageContaining("steps[0].params.keep_ip_ranges[0]")
        .hasMessageContaining("intranet").hasMessageContaining("documentation");
    assertThatThrownBy(() -> step("{max_entities: -1}"))
        .hasMessageContaining("steps[0].params.max_entities");
    assertThatThrownBy(() -> step("{max_entity: 3}"))
        .hasMessageContaining("unknown key 'max_entity'");
  }
}
