package dev.quarry.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The PII the generator planted in the sample pages ({@code samples/truth/pii.jsonl}). */
public record PlantedPii(List<Value> values) {
  public static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

  /** One planted value: the page it is in, its type and the value itself. */
  public record Value(String page, String type, String value) {}

  public static PlantedPii inSamples() {
    ObjectMapper json = new ObjectMapper();
    try (var lines = Files.lines(SAMPLES.resolve("truth").resolve("pii.jsonl"))) {
      return new PlantedPii(lines.filter(line -> !line.isBlank()).map(line -> {
        try {
          JsonNode node = json.readTree(line);
          return new Value(node.get("id").asText(), node.get("type").asText(),
              node.get("value").asText());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails naming the place and the value when {@code text} holds any planted value. */
  public void assertNoneIn(String where, String text) {
    for (Value value : values) {
      int at = text.indexOf(value.value());
      assertThat(at).as("%s holds the planted %s %s: ...%s...", where, value.type(),
          value.value(), text.substring(Math.max(0, at - 60),
              Math.min(text.length(), at + value.value().length() + 60))).isNegative();
    }
  }
}
