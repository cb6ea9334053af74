package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link FastLanguageModel} against OpenNLP's {@code LanguageDetectorME} on the same model. */
class FastLanguageModelTest {
  private static final double TOLERANCE = 1e-9;
  private static int compared;
  private static int failedAlike;
  private static double maxDifference;

  private final FastLanguageModel fast = LanguageModel.fast();
  private final LanguageDetectorContextGenerator openNlpContext =
      LanguageModel.model().getFactory().getContextGenerator();
  private final Map<String, Integer> outcomeIndex = new HashMap<>();

  FastLanguageModelTest() {
    String[] outcomes = fast.outcomes();
    for (int i = 0; i < outcomes.length; i++) {
      outcomeIndex.put(outcomes[i], i);
    }
  }

  @AfterAll
  static void report() {
    System.out.printf("FastLanguageModel: %d texts compared with OpenNLP, max |difference| %.3g;"
        + " %d texts on which both throw%n", compared, maxDifference, failedAlike);
  }

  @Test
  void theOutcomesAreTheModels() {
    assertThat(fast.outcomes()).hasSize(103).contains("eng", "deu", "cmn", "jpn")
        .containsExactly(LanguageModel.detector().getSupportedLanguages());
  }

  @Test
  void everyItemOfTheTeamsSetGetsOpenNlpsProbabilities() throws Exception {
    List<LanguageIdSet.Item> items = LanguageIdSet.load().items();
    int fastPath = 0;
    StringBuilder all = new StringBuilder();
    for (LanguageIdSet.Item item : items) {
      assertSameAsOpenNlp(item.text());
      assertSameAsOpenNlp(LanguageIdentifier.sample(item.text(), 240));
      fastPath += fast.contextText(item.text()) != null ? 1 : 0;
      all.append(item.text()).append('\n');
    }
    assertSameAsOpenNlp(all.toString());
    // ordinary text must not need OpenNLP's own normalizers, or nothing is gained
    assertThat(fastPath).isGreaterThan(items.size() * 9 / 10);
  }

  @Test
  void adversarialTextsGetOpenNlpsProbabilities() {
    List<String> texts = List.of(
        "", " ", "\t\n \r\u000B\f", "12345 67890", "3.14 + 2.71 = 5.85, 1-2-3",
        "see https://example.com/path?q=1&x=y#frag now", "http://a.b", "ftp://host/file x",
        "HTTP://EXAMPLE.COM/ABC", "www.example.com and example.org/page",
        "write to john.doe+tag@example.co.uk today", "@", "a@b", "me@ x", "#", "##tag",
        "@user thanks! #blessed #100DaysOfCode", "RT @someone: great news", "rt: this",
        "Art rt RT: x", "(rt rt rt: done", "_rt x", "\u0301rt x", "ürt x",
        "I love it 😀😀😀 so much 👍🏽", "🇩🇪 flag", "❤️ heart", "a😀-😀b",
        ":) :-( ;P xD XO x-p :-x", "experience exponential taxonomy Xperia",
        "hahaha jajaja hehe HAHAHA jejeje hihihi", "Johann Hoheit haha hAhA", "hhaaha jaajaa",
        "Hello Привет 你好 مرحبا שלום नमस्ते こんにちは 안녕하세요",
        "abc\uD800def", "\uDC00abc", "x\uDBFF\uDC01y", "\uD83D", "\uD83Dtext", "a\uD83C",
        "\uD83C\uDC00", "\uDBFF\uDC00", "\uD83B\uDFFF x", "\uD800\uDC00",
        "a".repeat(100_000), "é".repeat(100_000), "ab".repeat(50_000),
        "<div class=\"nav\">Home &nbsp;|&nbsp; About</div> <script>var x = 1;</script>",
        "e\u0301te\u0301 cafe\u0301 na\u0303o", "Z\u0324\u0354\u0367\u0311a\u0308\u0356lgo",
        "\u00A0\u00A0\u00A0 nbsp", "a\u2028\u2028\u2028b", "a\n\n\nb", "a\u000B\u000Bb",
        "a\u0085\u0085\u0085b", "Sooooo goooood!!!!! ????", "AAAaaa aAaA", "...", "---",
        "ＡＢＣ　全角，テスト！", "\uFB01 ligature \uFE0F", "\u0000\u0001 abc \u001F",
        "İstanbul ΣΊΣΥΦΟΣ Ⅻ ǅ", "\uD801\uDC00\uD801\uDC00\uD801\uDC00 Deseret");
    for (String text : texts) {
      assertSameAsOpenNlp(text);
    }
  }

  @Test
  void randomTextsOverTheNormalizersTriggersGetOpenNlpsProbabilities() {
    String[] pieces = {"a", "e", "i", "o", "u", "A", "h", "j", "H", "J", "r", "t", "R", "T",
        "x", "X", "p", "d", "D", "O", "P", ":", ";", "-", "(", ")", "@", "#", "/", "://",
        "http://", "rt ", "RT:", " ", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "0", "42",
        "_", ".", "é", "ß", "\u0301", "\u00A0", "\u2028", "\u0085", "Ａ", "，", "😀", "\uDBFF\uDC01",
        "\uD800", "\uD83C", "\uDBFF", "\uDC00", "ha", "ja", "aa", "AAA", "the ", "und ", "и "};
    Random random = new Random(183);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int k = random.nextInt(16); k > 0; k--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      assertSameAsOpenNlp(text.toString());
    }
  }

  @Test
  void whereOpenNlpThrowsSoDoesTheFastModel() {
    // Java's case-insensitive back-reference in the shrink regex (.)\1{2,} reads past the end
    // of the text after a repeated supplementary char; only U+10FC01..U+10FFFF survive the
    // emoji step to get there.
    String text = "x \uDBFF\uDC01\uDBFF\uDC01";
    assertThatThrownBy(() -> LanguageModel.detector().predictLanguages(text))
        .isInstanceOf(StringIndexOutOfBoundsException.class);
    assertThatThrownBy(() -> fast.probabilities(text))
        .isInstanceOf(StringIndexOutOfBoundsException.class);
  }

  @Test
  void concurrentCallsAgree() throws Exception {
    String english = "The council voted on Tuesday to keep the library open later in summer.";
    String german = "Der Stadtrat hat am Dienstag beschlossen, die Bibliothek länger zu öffnen.";
    double[] expectedEnglish = fast.probabilities(english);
    double[] expectedGerman = fast.probabilities(german);
    Thread[] threads = new Thread[4];
    boolean[] ok = new boolean[threads.length];
    for (int t = 0; t < threads.length; t++) {
      int id = t;
      threads[t] = new Thread(() -> {
        boolean same = true;
        for (int i = 0; i < 2_000; i++) {
          same &= Arrays.equals(fast.probabilities(english), expectedEnglish);
          same &= Arrays.equals(fast.probabilities(german), expectedGerman);
        }
        ok[id] = same;
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(ok).containsOnly(true);
  }

  /**
   * Every probability within {@link #TOLERANCE} of OpenNLP's, the same best language, and on
   * the char-loop path exactly OpenNLP's n-grams; or, where OpenNLP throws, the same exception.
   */
  private void assertSameAsOpenNlp(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
    Language[] expected;
    try {
      expected = LanguageModel.detector().predictLanguages(text);
    } catch (RuntimeException openNlpFails) {
      assertThatThrownBy(() -> fast.probabilities(text)).as("[%s]", shown)
          .isInstanceOf(openNlpFails.getClass());
      failedAlike++;
      return;
    }
    double[] actual = fast.probabilities(text);
    assertThat(actual).hasSize(expected.length);
    for (Language language : expected) {
      double mine = actual[outcomeIndex.get(language.getLang())];
      if (Double.isNaN(language.getConfidence())) {
        assertThat(mine).as("%s for [%s]", language.getLang(), shown).isNaN();
      } else {
        assertThat(mine).as("%s for [%s]", language.getLang(), shown)
            .isCloseTo(language.getConfidence(), within(TOLERANCE));
        maxDifference = Math.max(maxDifference, Math.abs(mine - language.getConfidence()));
      }
    }
    assertThat(fast.outcomes()[argmax(actual)]).as("best language for [%s]", shown)
        .isEqualTo(expected[0].getLang());
    String contextText = fast.contextText(text);
    if (contextText != null) {
      Set<String> openNlp = new HashSet<>();
      for (CharSequence gram : openNlpContext.getContext(text)) {
        openNlp.add(gram.toString());
      }
      assertThat(ngrams(contextText)).as("n-grams of [%s]", shown).isEqualTo(openNlp);
    }
    compared++;
  }

  /** The first index of the largest value (NaN the largest), where OpenNLP's sort puts it. */
  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (Double.compare(values[i], values[best]) > 0) {
        best = i;
      }
    }
    return best;
  }

  private static Set<String> ngrams(String text) {
    Set<String> grams = new HashSet<>();
    for (int length = 1; length <= 3; length++) {
      for (int i = 0; i + length <= text.length(); i++) {
        grams.add(text.substring(i, i + length));
      }
    }
    return grams;
  }
}
