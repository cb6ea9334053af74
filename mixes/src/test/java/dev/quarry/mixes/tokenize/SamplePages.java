package dev.quarry.mixes.tokenize;

import dev.quarry.core.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The texts of the repository's bundled sample pages (samples/jsonl), for tokenizer tests. */
final class SamplePages {
  static final Path JSONL = Path.of("samples/jsonl/quarry-sample.jsonl");

  private SamplePages() {}

  /** The bundled sample's texts, found from the repository root or a module directory. */
  static List<String> texts() {
    Path jsonl = Files.exists(JSONL) ? JSONL : Path.of("..").resolve(JSONL);
    return texts(jsonl);
  }

  static List<String> texts(Path jsonl) {
    List<String> texts = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          texts.add(Json.mapper().readTree(line).path("text").asText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample pages " + jsonl, e);
    }
    return texts;
  }
}
