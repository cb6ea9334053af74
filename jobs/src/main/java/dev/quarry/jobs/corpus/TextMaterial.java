package dev.quarry.jobs.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team's own text material for synthetic pages (resources under {@code corpus/}): paragraphs,
 * headlines and boilerplate strings per language (ISO 639-3), and spam fragments.
 */
public final class TextMaterial {
  public static final List<String> LANGUAGES =
      List.of("eng", "deu", "fra", "spa", "ita", "por", "rus", "pol", "jpn", "cmn", "kor");

  private final Map<String, List<String>> paragraphs = new LinkedHashMap<>();
  private final Map<String, List<String>> headlines = new LinkedHashMap<>();
  private final Map<String, List<String>> boilerplate = new LinkedHashMap<>();
  private final Map<String, ProseSynthesizer> prose = new LinkedHashMap<>();
  private final List<String> spam;

  private TextMaterial() {
    for (String lang : LANGUAGES) {
      paragraphs.put(lang, blocks(read("text/" + lang + ".txt")));
      headlines.put(lang, lines(read("headlines/" + lang + ".txt")));
      boilerplate.put(lang, lines(read("boilerplate/" + lang + ".txt")));
      prose.put(lang, new ProseSynthesizer(paragraphs.get(lang), writesWithoutSpaces(lang)));
    }
    spam = lines(read("spam/eng.txt"));
  }

  private static final TextMaterial INSTANCE = new TextMaterial();

  public static TextMaterial load() {
    return INSTANCE;
  }

  public List<String> paragraphs(String lang) {
    return paragraphs.get(lang);
  }

  public List<String> headlines(String lang) {
    return headlines.get(lang);
  }

  public List<String> boilerplate(String lang) {
    return boilerplate.get(lang);
  }

  /** New prose in the language, built from its paragraphs. */
  ProseSynthesizer prose(String lang) {
    return prose.get(lang);
  }

  /** Japanese and Chinese: no spaces between words; lengths count characters that say more. */
  public static boolean writesWithoutSpaces(String lang) {
    return lang.equals("jpn") || lang.equals("cmn");
  }

  public List<String> spam() {
    return spam;
  }

  private static String read(String resource) {
    try (InputStream in = TextMaterial.class.getResourceAsStream("/corpus/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing generator resource corpus/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus/" + resource, e);
    }
  }

  private static List<String> blocks(String text) {
    List<String> out = new ArrayList<>();
    for (String block : text.split("\\n\\s*\\n")) {
      String b = block.strip().replaceAll("\\s*\\n\\s*", " ");
      if (!b.isEmpty()) {
        out.add(b);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\\n")).map(String::strip).filter(s -> !s.isEmpty())
        .toList();
  }
}
