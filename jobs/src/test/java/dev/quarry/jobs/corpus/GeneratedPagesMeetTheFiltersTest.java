package dev.quarry.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Document;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.FilterSteps;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.chain.FilterChain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The generator's pages against the filters, run on their main texts. Articles are meant to be
 * ordinary prose: the shipped chain ({@code conf/filters/default.yaml}) keeps every one in every
 * language, and their paragraphs repeat no word 5-gram at all (Gopher's rule allows 15% of the
 * characters; a Markov chain left to itself repeats far more on long pages). Spam, repetitive,
 * list-only, gibberish and too-short pages are planted to be dropped: the chain drops every one.
 */
class GeneratedPagesMeetTheFiltersTest {
  private static final Path DEFAULT_CHAIN = Path.of("..", "conf", "filters", "default.yaml");
  private static final Set<PageKind> PROSE = EnumSet.of(PageKind.ARTICLE,
      PageKind.ARTICLE_WITH_PII, PageKind.EXACT_DUPLICATE, PageKind.NEAR_DUPLICATE);
  /** Every language equally often: about 30 articles and 10 with PII each. */
  private static final List<GeneratedPage> ARTICLES = articles(440);

  @Test
  void theDefaultChainKeepsEveryArticleInEveryLanguage() {
    Map<String, Integer> perLanguage = new TreeMap<>();
    ARTICLES.forEach(page -> perLanguage.merge(page.lang(), 1, Integer::sum));
    assertThat(perLanguage).hasSize(TextMaterial.LANGUAGES.size())
        .allSatisfy((lang, count) -> assertThat(count).isGreaterThan(25));
    FilterChain chain = defaultChain();
    assertThat(ARTICLES).allSatisfy(page -> assertThat(verdict(chain, page, 0))
        .as("page %d (%s, %d chars)", page.index(), page.lang(), page.mainText().length())
        .isEqualTo("kept"));
  }

  @Test
  void articleParagraphsRepeatNoWord5Gram() {
    // The headline is left out: a body may take up a phrase of it, as real articles do.
    FilterChain noRepeat = new FilterChain(FilterSteps.registry().build(YamlConfig.parse("""
        steps:
          - {name: gopher_repetition, params: {max_dup_5_gram_char_fraction: 0.0}}
        """, "no-repeat", ChainConfig.class), "no-repeat"), ChainConfig.Mode.FILTER);
    assertThat(ARTICLES).allSatisfy(page -> assertThat(verdict(noRepeat, page, 1))
        .as("page %d (%s, %d chars)", page.index(), page.lang(), page.mainText().length())
        .isEqualTo("kept"));
  }

  @Test
  void theDefaultChainKeepsTheProseKindsAndDropsThePlantedLowQualityOnes() {
    PageGenerator generator = new PageGenerator(11, TextMaterial.load());
    FilterChain chain = defaultChain();
    Map<PageKind, Map<String, Integer>> outcomes = new EnumMap<>(PageKind.class);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      GeneratedPage page = generator.page(i);
      String verdict = verdict(chain, page, 0);
      outcomes.computeIfAbsent(page.kind(), k -> new TreeMap<>()).merge(verdict, 1, Integer::sum);
      if (verdict.equals("kept") != PROSE.contains(page.kind())) {
        wrong.add(String.format("page %d (%s, %s, %d chars): %s", page.index(), page.kind(),
            page.lang(), page.mainText().length(), verdict));
      }
    }
    System.out.println("default chain, outcomes by kind: " + outcomes);
    assertThat(outcomes.keySet()).containsExactlyInAnyOrder(PageKind.values());
    assertThat(wrong).isEmpty();
  }

  private static List<GeneratedPage> articles(int count) {
    String languages = String.join("=1,", TextMaterial.LANGUAGES) + "=1";
    PageGenerator generator = new PageGenerator(7, TextMaterial.load(),
        CorpusMix.parse(languages, "article=3,article_with_pii=1", CorpusMix.DEFAULT_SIMILARITY));
    return IntStream.range(0, count).mapToObj(generator::page).toList();
  }

  private static FilterChain defaultChain() {
    ChainConfig config = YamlConfig.load(DEFAULT_CHAIN, ChainConfig.class);
    return new FilterChain(FilterSteps.registry().build(config, DEFAULT_CHAIN.toString()),
        config.mode());
  }

  /**
   * "kept", the drop reason or the error of the chain on the page's main text from block
   * {@code from} on (0: all of it, 1: without the headline).
   */
  private static String verdict(FilterChain chain, GeneratedPage page, int from) {
    String text = String.join("\n\n", page.mainBlocks().subList(from, page.mainBlocks().size()));
    FilterChain.Outcome outcome = chain.apply(new Document(page.id(), text, page.url(),
        "generated", null, "generated:" + page.index(), null, null, null, null, null, null));
    return outcome.kept() ? "kept"
        : outcome.error() != null ? outcome.error() : outcome.dropReason();
  }
}
