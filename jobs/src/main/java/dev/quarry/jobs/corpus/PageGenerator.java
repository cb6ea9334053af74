package dev.quarry.jobs.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic web pages: page {@code i} depends only on the seed and {@code i}, so
 * any range of pages can be generated independently (and in parallel) with the same result.
 *
 * <p>Default mix: 62% articles, 8% articles with PII, 6% exact and 8% near duplicates of an
 * earlier article, 4% each of spam, repetitive, list-only and too-short pages; 40% English, the
 * rest spread over the other ten languages of {@link TextMaterial}.
 */
public final class PageGenerator {
  private static final String[] SITES = {
      "northwind-news.example", "harbour-gazette.example", "tinkerers-blog.example",
      "lindenstadt-zeitung.example", "petit-journal.example", "mercado-diario.example",
      "forum-ogrodnika.example", "sakura-times.example", "tech-notes.example"};
  private static final String[] SECTIONS = {"news", "local", "blog", "sport", "science",
      "culture", "money", "travel", "food", "howto"};

  private final long seed;
  private final TextMaterial text;
  private final PiiPlanter pii = new PiiPlanter();

  public PageGenerator(long seed, TextMaterial text) {
    this.seed = seed;
    this.text = text;
  }

  public GeneratedPage page(int index) {
    SplittableRandom rnd = random(index);
    PageKind kind = kind(index, rnd);
    return switch (kind) {
      case EXACT_DUPLICATE, NEAR_DUPLICATE -> duplicate(index, kind, rnd);
      default -> original(index, kind, rnd);
    };
  }

  private SplittableRandom random(int index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
  }

  static PageKind kind(int index, SplittableRandom rnd) {
    int roll = rnd.nextInt(100);
    if (index < 3 || roll < 62) {
      return PageKind.ARTICLE;
    }
    if (roll < 70) {
      return PageKind.ARTICLE_WITH_PII;
    }
    if (roll < 76) {
      return PageKind.EXACT_DUPLICATE;
    }
    if (roll < 84) {
      return PageKind.NEAR_DUPLICATE;
    }
    return PageKind.values()[4 + (roll - 84) / 4];
  }

  private String language(SplittableRandom rnd) {
    if (rnd.nextInt(100) < 40) {
      return "eng";
    }
    List<String> others = TextMaterial.LANGUAGES.subList(1, TextMaterial.LANGUAGES.size());
    return others.get(rnd.nextInt(others.size()));
  }

  private GeneratedPage original(int index, PageKind kind, SplittableRandom rnd) {
    String lang = language(rnd);
    String title = pick(text.headlines(lang), rnd);
    List<String> main = new ArrayList<>();
    main.add(title);
    switch (kind) {
      case SPAM -> {
        for (int i = 0, n = 3 + rnd.nextInt(5); i < n; i++) {
          main.add(pick(text.spam(), rnd) + " " + pick(text.spam(), rnd) + " "
              + pick(text.spam(), rnd));
        }
      }
      case REPETITIVE -> {
        String sentence = firstSentence(pick(text.paragraphs(lang), rnd));
        main.add(String.join(" ", Collections.nCopies(20 + rnd.nextInt(40), sentence)));
      }
      case LIST_ONLY -> {
        for (int i = 0, n = 20 + rnd.nextInt(30); i < n; i++) {
          main.add(pick(text.headlines(lang), rnd));
        }
      }
      case TOO_SHORT -> main.add(pick(text.boilerplate(lang), rnd));
      default -> {
        main.addAll(paragraphs(lang, rnd));
        if (kind == PageKind.ARTICLE_WITH_PII) {
          pii.plant(main, lang, rnd);
        }
      }
    }
    return render(index, kind, lang, title, main, -1, rnd);
  }

  private GeneratedPage duplicate(int index, PageKind kind, SplittableRandom rnd) {
    int originalIndex = rnd.nextInt(index);
    GeneratedPage original = page(originalIndex);
    while (original.kind() != PageKind.ARTICLE && originalIndex > 0) {
      originalIndex = rnd.nextInt(originalIndex);
      original = page(originalIndex);
    }
    List<String> main = new ArrayList<>(original.mainBlocks());
    if (kind == PageKind.NEAR_DUPLICATE) {
      NearDuplicateEdits.apply(main, rnd);
    }
    return render(index, kind, original.lang(), main.get(0), main, originalIndex, rnd);
  }

  private List<String> paragraphs(String lang, SplittableRandom rnd) {
    List<String> pool = text.paragraphs(lang);
    // Many short pages, a long tail of long ones (up to about 100 KB with repeats).
    int n = rnd.nextInt(100) < 85 ? 2 + rnd.nextInt(6) : 8 + rnd.nextInt(rnd.nextInt(10) < 9
        ? 20 : 300);
    List<String> out = new ArrayList<>();
    int start = rnd.nextInt(pool.size());
    for (int i = 0; i < n; i++) {
      out.add(pool.get((start + i * 7) % pool.size()));
    }
    return out;
  }

  private GeneratedPage render(int index, PageKind kind, String lang, String title,
      List<String> main, int originalIndex, SplittableRandom rnd) {
    String site = SITES[rnd.nextInt(SITES.length)];
    String url = "https://www." + site + "/" + SECTIONS[rnd.nextInt(SECTIONS.length)] + "/"
        + String.format("%06d", index) + "-" + Math.abs(rnd.nextInt(100000)) + ".html";
    List<String> boilerplate = new ArrayList<>();
    for (int i = 0, n = 10 + rnd.nextInt(12); i < n; i++) {
      boilerplate.add(pick(text.boilerplate(lang), rnd));
    }
    List<String> related = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      related.add(pick(text.headlines(lang), rnd));
    }
    String html = PageTemplates.render(rnd.nextInt(PageTemplates.COUNT), lang, site, title, main,
        boilerplate, related, kind == PageKind.LIST_ONLY, rnd.nextInt(3) == 0);
    return new GeneratedPage(index, url, lang, kind, title, List.copyOf(main),
        List.copyOf(boilerplate), html, originalIndex);
  }

  static String firstSentence(String paragraph) {
    for (int i = 0; i < paragraph.length(); i++) {
      char c = paragraph.charAt(i);
      if ((c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？') && i > 10) {
        return paragraph.substring(0, i + 1);
      }
    }
    return paragraph;
  }

  static <T> T pick(List<T> items, SplittableRandom rnd) {
    return items.get(rnd.nextInt(items.size()));
  }
}
