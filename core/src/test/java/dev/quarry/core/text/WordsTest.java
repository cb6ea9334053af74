package dev.quarry.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WordsTest {
  private static List<String> words(String text) {
    Words words = Words.of(text);
    return IntStream.range(0, words.size()).mapToObj(words::word).toList();
  }

  @Test
  void wordsFollowUnicodeWordBoundaries() {
    assertThat(words("Hello, world! It's 2024 and e-mail costs $3.50."))
        .containsExactly("Hello", "world", "It's", "2024", "and", "e", "mail", "costs", "3.50");
  }

  @Test
  void piecesWithoutAWordAreSymbolPieces() {
    Words words = Words.of("Home | About — more... (see) • item ### ok,");
    assertThat(words.size()).isEqualTo(6);
    // "|", "—", "•", "###"; "more..." and "(see)" and "ok," hold a word.
    assertThat(words.symbolPieces()).isEqualTo(4);
    assertThat(words.countWithSymbols()).isEqualTo(10);
    assertThat(words.countWithSymbolsIn(0, 12)).isEqualTo(3); // "Home | About"
  }

  @Test
  void lettersAreWhatPythonCallsAlphabetic() {
    Words words = Words.of("word 2024 x1 \u216B \uD83D\uDE00");
    assertThat(IntStream.range(0, words.size()).mapToObj(words::hasLetter).toList())
        .containsExactly(true, false, true, false, false);
    assertThat(words.withLetter()).isEqualTo(2);
  }

  @Test
  void chineseAndJapaneseCharactersAreWordsKatakanaRunsToo() {
    assertThat(words("北京是中国的首都。")).containsExactly("北", "京", "是", "中", "国", "的", "首", "都");
    assertThat(words("東京タワーに行きます")).containsExactly("東", "京", "タワー", "に", "行", "き", "ま",
        "す");
    assertThat(Words.of("北京是首都").mostlyDense()).isTrue();
  }

  @Test
  void thaiIsSegmentedIntoDictionaryWords() {
    List<String> thai = words("ภาษาไทยเป็นภาษาที่มีระดับเสียง ประเทศไทยมีประชากร");
    assertThat(thai).hasSizeBetween(8, 14).contains("ภาษา", "ไทย", "เป็น", "ที่", "มี");
    assertThat(String.join("", thai)).isEqualTo("ภาษาไทยเป็นภาษาที่มีระดับเสียงประเทศไทยมีประชากร");
    assertThat(Words.of("ภาษาไทยเป็นภาษาที่มีระดับเสียง").mostlyDense()).isTrue();
  }

  @Test
  void koreanIsSplitAtSpacesAndIsDense() {
    Words korean = Words.of("한국어 문장은 띄어쓰기를 합니다.");
    assertThat(korean.size()).isEqualTo(4);
    assertThat(korean.mostlyDense()).isTrue();
    assertThat(Words.of("English words with 한국어 inside").mostlyDense()).isFalse();
  }

  @Test
  void aLoneHighSurrogateAtTheEndLosesNoWords() {
    assertThat(words("abc def\uD800")).containsExactly("abc", "def");
    assertThat(words("abc \uDC00 def \uD800")).containsExactly("abc", "def");
  }

  @Test
  void theSameTextOnTheSameThreadIsSplitOnce() {
    String text = "Some text to split.";
    assertThat(Words.of(text)).isSameAs(Words.of(text));
    assertThat(WordSplitter.forThread().words(text)).isSameAs(Words.of(text));
    assertThat(Words.of(new String(text))).isNotSameAs(Words.of(text));
    assertThat(Words.of(null).size()).isZero();
    assertThat(Words.of("   \n ").countWithSymbols()).isZero();
  }

  @Test
  void wordsOfJoinedLinesAreThoseOfSplittingTheJoinedText() {
    Random random = new Random(11);
    String[] pieces = {"word", "Wort", "北京", "東京タワー", "ภาษาไทย", "한국어", "2024", "|", "...",
        "(x)", "e-mail", "\u0301", "\uD83D\uDE00", "\uD800", "—"};
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + random.nextInt(8);
      for (int line = 0; line < lines; line++) {
        text.append(" ".repeat(random.nextInt(3)));
        for (int piece = random.nextInt(6); piece > 0; piece--) {
          text.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
        }
        text.append('\n');
      }
      String source = text.toString();
      Words words = Words.of(source);
      List<int[]> kept = new ArrayList<>();
      int start = 0;
      for (String line : source.split("\n", -1)) {
        int from = start + (line.length() - line.stripLeading().length());
        int to = start + line.stripTrailing().length();
        if (to > from && random.nextBoolean()) {
          kept.add(new int[] {from, to});
        }
        start += line.length() + 1;
      }
      int[] starts = kept.stream().mapToInt(r -> r[0]).toArray();
      int[] ends = kept.stream().mapToInt(r -> r[1]).toArray();
      StringBuilder joined = new StringBuilder();
      for (int[] range : kept) {
        joined.append(joined.length() > 0 ? "\n" : "").append(source, range[0], range[1]);
      }
      String result = joined.toString();
      Words derived = Words.ofJoinedLines(words, result, starts, ends, kept.size());
      assertThat(Words.of(result)).isSameAs(derived);
      Words split = Words.of(new String(result));
      assertThat(describe(derived)).as("%s", result).isEqualTo(describe(split));
    }
  }

  private static String describe(Words words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      sb.append(words.start(i)).append('-').append(words.end(i)).append(words.hasLetter(i) ? "L" : "")
          .append(words.dense(i) ? "D" : "").append(' ');
    }
    return sb.append("| ").append(words.symbolPieces()).append(' ')
        .append(words.countWithSymbolsIn(0, words.text().length())).toString();
  }
}
