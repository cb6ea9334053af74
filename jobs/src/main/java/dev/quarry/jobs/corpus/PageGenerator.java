package dev.quarry.jobs.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic web pages: page {@code i} depends only on the seed, the mix and
 * {@code i}, so any range of pages can be generated independently (and in parallel) with the
 * same result. Proportions of languages and page kinds come from the {@link CorpusMix}.
 *
 * <p>Main-text length is log-normal: median 2,000 characters (800 for Japanese and Chinese,
 * whose characters say more), σ = 1.1, so most pages are short and about 1 in 1,000 is over
 * 60 KB; capped at 100,000 characters; an article has at least {@value #MIN_SENTENCES}
 * sentences. Duplicates copy an earlier article: exact ones keep its text under another URL,
 * site template and boilerplate; near ones copy an article of at least
 * {@value #MIN_NEAR_DUPLICATE_WORDS} words and edit it to a similarity drawn from the mix.
 */
public final class PageGenerator {
  static final int MIN_NEAR_DUPLICATE_WORDS = 300;
  /** The fewest sentences of an article's body. */
  static final int MIN_SENTENCES = 7;
  private static final int MAX_ORIGINAL_TRIES = 64;
  private static final double MEDIAN_CHARS = 2000;
  private static final double SIGMA = 1.1;
  private static final int MAX_CHARS = 100_000;
  private static final String[] SITES = {
      "northwind-news.example", "harbour-gazette.example", "tinkerers-blog.example",
      "lindenstadt-zeitung.example", "petit-journal.example", "mercado-diario.example",
      "forum-ogrodnika.example", "sakura-times.example", "tech-notes.example"};
  private static final String[] SECTIONS = {"news", "local", "blog", "sport", "science",
      "culture", "money", "travel", "food", "howto"};

  private final long seed;
  private final TextMaterial text;
  private final CorpusMix mix;
  private final PiiPlanter pii = new PiiPlanter();

  public PageGenerator(long seed, TextMaterial text) {
    this(seed, text, CorpusMix.defaults());
  }

  public PageGenerator(long seed, TextMaterial text, CorpusMix mix) {
    this.seed = seed;
    this.text = text;
    this.mix = mix;
  }

  /** The content of a page before it is put into a site template. */
  private record Content(PageKind kind, String lang, List<String> main, int originalIndex,
      double similarity, List<PiiPlanter.Planted> pii) {}

  public GeneratedPage page(int index) {
    SplittableRandom rnd = random(index);
    Content content = content(index, rnd);
    return render(index, content, rnd);
  }

  /** The kind drawn for page {@code index} (a duplicate without an original becomes an article). */
  private PageKind drawnKind(int index) {
    return index < 3 ? PageKind.ARTICLE : mix.kind(random(index));
  }

  private SplittableRandom random(int index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
  }

  private Content content(int index, SplittableRandom rnd) {
    PageKind kind = mix.kind(rnd);
    if (index < 3) {
      kind = PageKind.ARTICLE;
    }
    if (kind == PageKind.EXACT_DUPLICATE || kind == PageKind.NEAR_DUPLICATE) {
      Content duplicate = duplicate(index, kind, rnd);
      if (duplicate != null) {
        return duplicate;
      }
      kind = PageKind.ARTICLE;
    }
    return original(kind, rnd);
  }

  private Content original(PageKind kind, SplittableRandom rnd) {
    String lang = mix.language(rnd);
    ProseSynthesizer prose = text.prose(lang);
    List<String> main = new ArrayList<>();
    main.add(pick(text.headlines(lang), rnd));
    List<PiiPlanter.Planted> planted = List.of();
    switch (kind) {
      case SPAM -> {
        for (int i = 0, n = 3 + rnd.nextInt(5); i < n; i++) {
          main.add(pick(text.spam(), rnd) + " " + pick(text.spam(), rnd) + " "
              + pick(text.spam(), rnd));
        }
      }
      case REPETITIVE -> {
        String sentence = firstSentence(prose.paragraph(60, rnd));
        main.add(String.join(prose.byCharacter() ? "" : " ",
            Collections.nCopies(20 + rnd.nextInt(40), sentence)));
      }
      case LIST_ONLY -> {
        for (int i = 0, n = 20 + rnd.nextInt(30); i < n; i++) {
          main.add(pick(text.headlines(lang), rnd));
        }
      }
      case GIBBERISH -> main.add(gibberish(prose, 300 + rnd.nextInt(2000), rnd));
      case TOO_SHORT -> main.add(pick(text.boilerplate(lang), rnd));
      default -> {
        main.addAll(paragraphs(lang, rnd));
        if (kind == PageKind.ARTICLE_WITH_PII) {
          planted = pii.plant(main, lang, rnd);
        }
      }
    }
    return new Content(kind, lang, main, -1, Double.NaN, planted);
  }

  /** A copy of an earlier article, or null when none suitable is found. */
  private Content duplicate(int index, PageKind kind, SplittableRandom rnd) {
    for (int tries = 0; tries < MAX_ORIGINAL_TRIES; tries++) {
      int originalIndex = rnd.nextInt(index);
      if (drawnKind(originalIndex) != PageKind.ARTICLE) {
        continue;
      }
      Content original = content(originalIndex, random(originalIndex));
      if (kind == PageKind.EXACT_DUPLICATE) {
        return new Content(kind, original.lang(), original.main(), originalIndex, 1.0,
            List.of());
      }
      if (wordCount(original) >= MIN_NEAR_DUPLICATE_WORDS) {
        double similarity = mix.nearDuplicateSimilarity(rnd);
        List<String> edited = NearDuplicateEdits.apply(original.main(), similarity, rnd,
            text.prose(original.lang()), text.boilerplate(original.lang()));
        return new Content(kind, original.lang(), edited, originalIndex, similarity,
            List.of());
      }
    }
    return null;
  }

  /** Words, or characters for languages written without spaces, of the main text. */
  private static int wordCount(Content content) {
    boolean byCharacter = TextMaterial.writesWithoutSpaces(content.lang());
    int count = 0;
    for (String block : content.main()) {
      count += byCharacter ? block.codePointCount(0, block.length())
          : block.split(" ").length;
    }
    return count;
  }

  /**
   * An article's paragraphs: about the drawn length, but at least {@value #MIN_SENTENCES}
   * sentences (a real article says a few things; C4 drops documents of fewer than five), and
   * no longer than the language's material can go without repeating a word 5-gram of the page
   * ({@link PageProse#exhausted()}).
   */
  private List<String> paragraphs(String lang, SplittableRandom rnd) {
    boolean dense = TextMaterial.writesWithoutSpaces(lang);
    double scale = dense ? 0.4 : 1.0;
    double chars = MEDIAN_CHARS * Math.exp(SIGMA * rnd.nextGaussian());
    int target = (int) Math.min(MAX_CHARS * scale, Math.max(150 * scale, chars * scale));
    PageProse prose = text.prose(lang).page();
    List<String> out = new ArrayList<>();
    int written = 0;
    while ((written < target || prose.sentences() < MIN_SENTENCES) && !prose.exhausted()) {
      int paragraph = (int) ((250 + rnd.nextInt(650)) * scale);
      // Past the drawn length but short of sentences: one whole paragraph more.
      int left = target - written;
      String p = prose.paragraph(left > 0 ? Math.min(paragraph, left) : paragraph, rnd);
      if (!p.isEmpty()) {
        out.add(p);
        written += p.length();
      }
    }
    return out;
  }

  /** Word-like runs of random characters taken from the language's own text. */
  private static String gibberish(ProseSynthesizer prose, int chars, SplittableRandom rnd) {
    StringBuilder out = new StringBuilder(chars + 16);
    while (out.length() < chars) {
      int length = prose.byCharacter() ? 1 : 2 + rnd.nextInt(11);
      for (int i = 0; i < length; i++) {
        int[] codePoints = prose.anyWord(rnd).codePoints().toArray();
        int cp = codePoints[rnd.nextInt(codePoints.length)];
        out.appendCodePoint(Character.isLetter(cp) ? Character.toLowerCase(cp) : 'x');
      }
      if (!prose.byCharacter()) {
        out.append(' ');
      }
    }
    return out.toString().strip();
  }

  private GeneratedPage render(int index, Content content, SplittableRandom rnd) {
    String lang = content.lang();
    List<String> main = content.main();
    String site = SITES[rnd.nextInt(SITES.length)];
    String url = "https://www." + site + "/" + SECTIONS[rnd.nextInt(SECTIONS.length)] + "/"
        + String.format("%06d", index) + "-" + Math.abs(rnd.nextInt(100000)) + ".html";
    List<String> boilerplate = pickDistinct(text.boilerplate(lang), 10 + rnd.nextInt(12), rnd);
    List<String> related = pickDistinct(text.headlines(lang), 5, rnd);
    String html = PageTemplates.render(rnd.nextInt(PageTemplates.COUNT), lang, site, main.get(0),
        main, boilerplate, related, content.kind() == PageKind.LIST_ONLY, rnd.nextInt(3) == 0);
    String mainText = String.join("\n\n", main);
    List<GeneratedPage.PiiSpan> spans = new ArrayList<>();
    for (PiiPlanter.Planted p : content.pii()) {
      int start = mainText.indexOf(p.value());
      spans.add(new GeneratedPage.PiiSpan(p.type(), p.value(), start,
          start + p.value().length()));
    }
    return new GeneratedPage(index, url, lang, content.kind(),
        PageTemplates.title(main.get(0), site), List.copyOf(main),
        List.copyOf(boilerplate), html, content.originalIndex(), content.similarity(),
        List.copyOf(spans));
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

  /**
   * {@code n} different items (all of them if there are fewer) in random order: a site's menu,
   * footer or link rail names each entry once, and a page that repeats a line is one that
   * duplicate-line rules drop (in WET, where those lines stay around the main text).
   */
  static <T> List<T> pickDistinct(List<T> items, int n, SplittableRandom rnd) {
    List<T> pool = new ArrayList<>(items);
    int count = Math.min(n, pool.size());
    for (int i = 0; i < count; i++) {
      Collections.swap(pool, i, i + rnd.nextInt(pool.size() - i));
    }
    return new ArrayList<>(pool.subList(0, count));
  }
}
