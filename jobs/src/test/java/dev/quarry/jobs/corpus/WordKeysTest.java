package dev.quarry.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WordKeysTest {
  @Test
  void splitsTokensIntoWordsLikeTheFilters() {
    assertThat(WordKeys.words("well-known,")).containsExactly("well", "known");
    assertThat(WordKeys.words("\"Don't")).containsExactly("don't");
    assertThat(WordKeys.words("U.S.")).containsExactly("u.s");
    assertThat(WordKeys.words("(2019)")).containsExactly("0000");
    assertThat(WordKeys.words("—")).isEmpty();
    assertThat(WordKeys.words("。")).isEmpty();
    assertThat(WordKeys.words("街")).containsExactly("街");
  }

  @Test
  void everyTokenOfTheMaterialSplitsAsTheFiltersSplitIt() {
    List<String> differ = new ArrayList<>();
    int tokens = 0;
    for (String lang : TextMaterial.LANGUAGES) {
      for (String paragraph : TextMaterial.load().paragraphs(lang)) {
        for (String token : tokens(paragraph, TextMaterial.writesWithoutSpaces(lang))) {
          tokens++;
          List<String> expected = filterWords(token);
          if (!WordKeys.words(token).equals(expected)) {
            differ.add(lang + " " + token + " " + WordKeys.words(token) + " vs " + expected);
          }
        }
      }
    }
    System.out.println(differ.size() + " of " + tokens + " tokens differ: " + differ);
    assertThat(differ).isEmpty();
  }

  private static List<String> tokens(String paragraph, boolean byCharacter) {
    if (byCharacter) {
      return paragraph.codePoints().filter(cp -> !Character.isWhitespace(cp))
          .mapToObj(Character::toString).toList();
    }
    return List.of(paragraph.split("\\s+"));
  }

  private static List<String> filterWords(String token) {
    Words words = Words.of(token);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      out.add(words.word(i).toLowerCase(Locale.ROOT).replaceAll("\\p{Nd}", "0"));
    }
    return out;
  }
}
