package dev.quarry.filters.lang;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The team's multilingual test set (src/test/resources/lid/<lang>.txt, see its README). */
record LanguageIdSet(List<Item> items) {
  enum Length { PHRASE, SENTENCE, PARAGRAPH }

  record Item(String lang, Length length, String text) {}

  static LanguageIdSet load() throws IOException, URISyntaxException {
    Path dir = Path.of(LanguageIdSet.class.getResource("/lid").toURI());
    List<Item> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String lang = file.getFileName().toString().replace(".txt", "");
        Length section = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String l = line.strip();
          if (l.isEmpty() || l.startsWith("#")) {
            continue;
          }
          switch (l) {
            case "[sentences]" -> section = Length.SENTENCE;
            case "[phrases]" -> section = Length.PHRASE;
            case "[paragraphs]" -> section = Length.PARAGRAPH;
            default -> {
              if (section != null) {
                items.add(new Item(lang, section, l));
              }
            }
          }
        }
      }
    }
    return new LanguageIdSet(items);
  }
}
