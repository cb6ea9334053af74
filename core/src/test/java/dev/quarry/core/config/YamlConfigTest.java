package dev.quarry.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigTest {
  enum Mode { FAST, CAREFUL }

  record Inner(String name, Double rate) implements YamlConfig.Validated {
    @Override
    public void validate() {
      Check.identifier(name, "name");
      Check.between(rate == null ? 0 : rate, 0, 1, "rate");
    }
  }

  record Outer(String title, Mode mode, List<Inner> items) implements YamlConfig.Validated {
    @Override
    public void validate() {
      Check.notBlank(title, "title");
      Check.each(items, "items", Inner::validate);
    }
  }

  @Test
  void mapsSnakeCaseYamlToRecords() {
    Outer outer = YamlConfig.parse("title: t\nmode: careful\nitems:\n  - {name: a, rate: 0.5}\n",
        "x.yaml", Outer.class);
    assertThat(outer).isEqualTo(new Outer("t", Mode.CAREFUL, List.of(new Inner("a", 0.5))));
  }

  @Test
  void unknownKeyNamesFileFieldPathAndAllowedKeys() {
    assertThatThrownBy(() -> YamlConfig.parse("title: t\nitems:\n  - {name: a, rte: 0.5}\n",
        "conf/p.yaml", Outer.class))
        .isInstanceOf(ConfigException.class)
        .hasMessage("conf/p.yaml: items[0].rte: unknown key 'rte'; allowed keys: [name, rate]");
  }

  @Test
  void badEnumValueListsAllowedValues() {
    assertThatThrownBy(() -> YamlConfig.parse("title: t\nmode: quick\n", "p.yaml", Outer.class))
        .hasMessageStartingWith("p.yaml: mode: bad value 'quick'; allowed: [fast, careful]");
  }

  @Test
  void wrongTypeNamesTheField() {
    assertThatThrownBy(() -> YamlConfig.parse("title: t\nitems:\n  - {name: a, rate: high}\n",
        "p.yaml", Outer.class))
        .hasMessageStartingWith("p.yaml: items[0].rate: bad value 'high'");
  }

  @Test
  void validationFailureNamesTheNestedField() {
    assertThatThrownBy(() -> YamlConfig.parse("title: t\nitems:\n  - {name: a}\n  - {name: b,"
        + " rate: 3}\n", "p.yaml", Outer.class))
        .hasMessage("p.yaml: items[1].rate: must be between 0.0 and 1.0 (got 3.0)");
  }

  @Test
  void missingFileAndInvalidYamlSayWhatIsWrong(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> YamlConfig.load(dir.resolve("none.yaml"), Outer.class))
        .hasMessageEndingWith("none.yaml: no such file");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "title: \"never closed\n");
    assertThatThrownBy(() -> YamlConfig.load(broken, Outer.class))
        .hasMessageContaining("broken.yaml: not valid YAML");
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    assertThatThrownBy(() -> YamlConfig.load(empty, Outer.class))
        .hasMessageEndingWith("empty.yaml: the file is empty");
  }

  @Test
  void redactionHidesSecretsAndHashIsOrderIndependent() {
    record Creds(String user, String secretKey, String apiToken) {}
    assertThat(Json.redacted(new Creds("u", "s3cr3t", "tok")).toString())
        .contains("\"user\":\"u\"").doesNotContain("s3cr3t").doesNotContain("tok\"")
        .contains(Json.REDACTED);
    assertThat(Json.hash(java.util.Map.of("a", 1, "b", 2)))
        .isEqualTo(Json.hash(new java.util.TreeMap<>(java.util.Map.of("b", 2, "a", 1))));
  }
}
