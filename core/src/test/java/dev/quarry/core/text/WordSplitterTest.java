package dev.quarry.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast path for simple texts ({@link SimpleWordBreaks}) against Lucene's scanner, which
 * defines the words: every character's class, random texts over all classes, and real text.
 */
class WordSplitterTest {
  private final WordSplitter lucene = new WordSplitter();

  /** Words (offsets and letter flag) as the splitter gives them, the fast path where it can. */
  private static List<String> fast(String text) {
    return describe(new WordSplitter().words(text));
  }

  private List<String> byLucene(String text) {
    return describe(lucene.splitWithLucene(text));
  }

  private static List<String> describe(Words words) {
    List<String> out = new ArrayList<>();
    for (int w = 0; w < words.size(); w++) {
      out.add(words.start(w) + "-" + words.end(w) + (words.hasLetter(w) ? "L" : "")
          + (words.dense(w) ? "D" : ""));
    }
    out.add("symbols=" + words.symbolPieces());
    return out;
  }

  private static boolean simple(String text) {
    return SimpleWordBreaks.split(text, new WordSplitter());
  }

  @Test
  void everySimpleCharacterBehavesInLuceneAsItsClassSays() {
    // Contexts that tell the classes apart: alone, between letters, between digits, after and
    // before a letter, between connectors, and after a letter before a digit.
    String[][] contexts = {{"", ""}, {"a", "a"}, {"1", "1"}, {"a", ""}, {"", "a"}, {"_", "_"},
        {"a", "1"}, {"1", "a"}, {"x ", " y"}};
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (SimpleWordBreaks.classOf((char) c) == SimpleWordBreaks.NOT_SIMPLE) {
        continue;
      }
      checked++;
      for (String[] context : contexts) {
        String text = context[0] + (char) c + context[1];
        if (!fast(text).equals(byLucene(text))) {
          wrong.add(String.format("U+%04X in '%s_%s': fast %s, Lucene %s", c, context[0],
              context[1], fast(text), byLucene(text)));
        }
      }
    }
    assertThat(wrong).as("characters whose class disagrees with Lucene").isEmpty();
    assertThat(checked).as("simple characters").isGreaterThan(20_000);
  }

  @Test
  void randomTextsOverEveryClassSplitAsLuceneSplitsThem() {
    // A few characters of each class, and spaces, mixed at random.
    String alphabet = "abZéжαب" + "019٣" + ":·" + ",;" + ".'’" + "_‿" + "\u0301\u00AD\u0651"
        + "  \n!-(\u00A0\"";
    SplittableRandom random = new SplittableRandom(7);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(24);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      assertThat(simple(s)).as("'%s' is simple", s).isTrue();
      assertThat(fast(s)).as("'%s'", s).isEqualTo(byLucene(s));
    }
  }

  @Test
  void wordsTooLongForTheFastPathAreLeftToLuceneWhichCutsThem() {
    String longWord = "x".repeat(300);
    assertThat(simple("a " + longWord)).isFalse();
    assertThat(fast("a " + longWord + " b")).isEqualTo(byLucene("a " + longWord + " b"));
    assertThat(new WordSplitter().words(longWord).size()).isEqualTo(2); // 255 + 45
    assertThat(simple("y".repeat(SimpleWordBreaks.LONGEST_WORD - 1))).isTrue();
  }

  @Test
  void textsWithCharactersOfTheirOwnRulesGoToLucene() {
    for (String text : List.of("漢字 text", "ひらがな", "カタカナ", "한국어", "ภาษาไทย",
        "שלום", "emoji \uD83D\uDE00", "flag \uD83C\uDDEB\uD83C\uDDF7", "a\u200Db",
        "\"quoted\" text")) {
      assertThat(simple(text)).as(text).isEqualTo(text.startsWith("\""));
      assertThat(fast(text)).as(text).isEqualTo(byLucene(text));
    }
  }

  @Test
  void theBundledSampleDocumentsSplitAsLuceneSplitsThem() throws IOException {
    Path sample = Path.of("..", "samples", "jsonl", "quarry-sample.jsonl");
    ObjectMapper json = new ObjectMapper();
    int documents = 0;
    int simpleDocuments = 0;
    for (String line : Files.readAllLines(sample, StandardCharsets.UTF_8)) {
      String text = json.readTree(line).path("text").asText("");
      documents++;
      simpleDocuments += simple(text) ? 1 : 0;
      assertThat(fast(text)).as(text).isEqualTo(byLucene(text));
    }
    assertThat(documents).isGreaterThan(100);
    assertThat(simpleDocuments).as("simple of %d documents", documents)
        .isGreaterThan(documents / 3);
  }
}
