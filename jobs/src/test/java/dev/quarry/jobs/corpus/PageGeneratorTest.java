package dev.quarry.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.text.WordShingles;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PageGeneratorTest {
  private static final PageGenerator GENERATOR = new PageGenerator(11, TextMaterial.load());

  @Test
  void nearDuplicatesAreAtTheirIntendedSimilarity() {
    int nearDuplicates = 0;
    double worst = 0;
    for (int i = 0; i < 3000; i++) {
      GeneratedPage page = GENERATOR.page(i);
      if (page.kind() == PageKind.NEAR_DUPLICATE) {
        GeneratedPage original = GENERATOR.page(page.originalIndex());
        double actual = WordShingles.jaccard(page.mainText(), original.mainText(), 5);
        worst = Math.max(worst, Math.abs(actual - page.intendedSimilarity()));
        assertThat(actual).as("page %d copies %d at %.3f", i, page.originalIndex(),
            page.intendedSimilarity()).isCloseTo(page.intendedSimilarity(),
                org.assertj.core.api.Assertions.within(0.02));
        nearDuplicates++;
      }
    }
    System.out.printf("near duplicates: %d, worst |actual - intended| = %.4f%n", nearDuplicates,
        worst);
    assertThat(nearDuplicates).isGreaterThan(150);
  }

  @Test
  void unrelatedArticlesShareAlmostNoShingles() {
    // 40 articles per language: a pair in the same language is where chance overlap would show.
    Map<String, List<long[]>> byLanguage = new TreeMap<>();
    for (int i = 0; byLanguage.values().stream().mapToInt(List::size).sum() < 440; i++) {
      GeneratedPage page = GENERATOR.page(i);
      List<long[]> articles = byLanguage.computeIfAbsent(page.lang(), k -> new ArrayList<>());
      if (page.kind() == PageKind.ARTICLE && articles.size() < 40) {
        articles.add(WordShingles.of(page.mainText(), 5));
      }
    }
    Map<String, Double> maxByLanguage = new TreeMap<>();
    byLanguage.forEach((lang, shingles) -> {
      double max = 0;
      for (int a = 0; a < shingles.size(); a++) {
        for (int b = a + 1; b < shingles.size(); b++) {
          max = Math.max(max, WordShingles.jaccard(shingles.get(a), shingles.get(b)));
        }
      }
      maxByLanguage.put(lang, max);
    });
    System.out.println("max Jaccard between unrelated articles, by language: " + maxByLanguage);
    assertThat(maxByLanguage).hasSize(11);
    assertThat(maxByLanguage.values()).allSatisfy(max -> assertThat(max).isLessThan(0.3));
  }

  @Test
  void lengthsAreMostlyShortWithALongTail() {
    List<Integer> lengths = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      GeneratedPage page = GENERATOR.page(i);
      if (page.kind() == PageKind.ARTICLE && !TextMaterial.writesWithoutSpaces(page.lang())) {
        lengths.add(page.mainText().length());
      }
    }
    lengths.sort(null);
    int median = lengths.get(lengths.size() / 2);
    int p99 = lengths.get(lengths.size() * 99 / 100);
    int max = lengths.get(lengths.size() - 1);
    System.out.printf("article chars: median %d, p99 %d, max %d%n", median, p99, max);
    assertThat(median).isBetween(1500, 3000);
    assertThat(p99).isGreaterThan(15_000);
    assertThat(max).isLessThanOrEqualTo(101_000);
  }

  @Test
  void theMixHasEveryKindAndManyLanguagesIncludingCjk() {
    Map<PageKind, Integer> kinds = new EnumMap<>(PageKind.class);
    Map<String, Integer> languages = new TreeMap<>();
    for (int i = 0; i < 2000; i++) {
      GeneratedPage page = GENERATOR.page(i);
      kinds.merge(page.kind(), 1, Integer::sum);
      languages.merge(page.lang(), 1, Integer::sum);
      if (page.kind() == PageKind.EXACT_DUPLICATE) {
        GeneratedPage original = GENERATOR.page(page.originalIndex());
        assertThat(page.mainText()).isEqualTo(original.mainText());
        assertThat(page.url()).isNotEqualTo(original.url());
        assertThat(page.intendedSimilarity()).isEqualTo(1.0);
      }
      for (GeneratedPage.PiiSpan span : page.pii()) {
        assertThat(page.mainText().substring(span.start(), span.end())).isEqualTo(span.value());
      }
    }
    System.out.println(kinds + " " + languages);
    assertThat(kinds.keySet()).containsExactlyInAnyOrder(PageKind.values());
    assertThat(kinds.get(PageKind.ARTICLE)).isBetween(1100, 1400);
    assertThat(languages).containsKeys("eng", "deu", "rus", "jpn", "cmn", "kor");
    assertThat(languages.get("eng")).isBetween(700, 900);
  }

  @Test
  void aPageNamesEachSiteLineOnce() {
    for (int i = 0; i < 500; i++) {
      GeneratedPage page = GENERATOR.page(i);
      assertThat(page.boilerplate()).as("page %d", i).doesNotHaveDuplicates()
          .hasSizeBetween(10, 21);
    }
  }

  @Test
  void theWetTextStartsWithTheHtmlTitle() {
    for (int i = 0; i < 100; i++) {
      GeneratedPage page = GENERATOR.page(i);
      String html = page.html();
      String title = html.substring(html.indexOf("<title>") + 7, html.indexOf("</title>"))
          .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
          .replace("&amp;", "&");
      assertThat(page.visibleText()).startsWith(title + "\n");
      assertThat(title).isNotEqualTo(page.mainBlocks().get(0)).startsWith(page.mainBlocks().get(0));
    }
  }

  @Test
  void theMixIsConfigurable() {
    PageGenerator japaneseSpam = new PageGenerator(3, TextMaterial.load(),
        CorpusMix.parse("jpn=1", "article=1,spam=1", "0.8:0.8"));
    Map<PageKind, Integer> kinds = new EnumMap<>(PageKind.class);
    for (int i = 0; i < 200; i++) {
      GeneratedPage page = japaneseSpam.page(i);
      assertThat(page.lang()).isEqualTo("jpn");
      kinds.merge(page.kind(), 1, Integer::sum);
    }
    assertThat(kinds.keySet()).containsExactlyInAnyOrder(PageKind.ARTICLE, PageKind.SPAM);
  }
}
