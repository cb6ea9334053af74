package dev.quarry.ingest.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Main-text extraction from HTML (jsoup). Three steps:
 * <ol>
 *   <li>{@link BoilerplatePruner} removes what is never content: scripts, navigation, headers,
 *       footers, asides, forms, hidden elements and elements whose class/id name boilerplate;</li>
 *   <li>the remaining text is cut into blocks ({@link TextBlocks}) and the content region is
 *       the deepest element holding most of the words of long, link-poor blocks;</li>
 *   <li>blocks of that region are kept unless link-dense or a short boilerplate line; the page
 *       headline is added when the region does not contain it.</li>
 * </ol>
 * Paragraphs are separated by a blank line, list items and table rows by a line break.
 */
public final class MainTextExtractor {
  private static final double REGION_SHARE = 0.8;
  /** What a content region can be: sections and layout containers, never a paragraph or list. */
  private static final java.util.Set<String> SECTIONS = java.util.Set.of("div", "section",
      "article", "main", "center", "form", "table", "tbody", "tr", "td", "th", "span", "font");
  private static final java.util.Set<String> PROSE_CONTAINERS =
      java.util.Set.of("p", "blockquote", "pre", "figcaption", "dd", "li");

  public record Extraction(String text, String title) {}

  public Extraction extract(String html, String baseUrl) {
    org.jsoup.nodes.Document page = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    String title = page.title().strip();
    Element body = page.body();
    if (body == null) {
      return new Extraction("", title);
    }
    BoilerplatePruner.prune(body);
    List<TextBlocks.Block> blocks = TextBlocks.of(body);
    Element region = contentRegion(body, blocks);
    List<TextBlocks.Block> inRegion = new ArrayList<>();
    for (TextBlocks.Block block : blocks) {
      if (isInside(block.container(), region)) {
        TextBlocks.Block cleaned = block.preformatted() ? block : withoutBoilerplateLines(block);
        if (cleaned != null) {
          inRegion.add(cleaned);
        }
      }
    }
    List<TextBlocks.Block> kept = new ArrayList<>();
    for (int i = 0; i < inRegion.size(); i++) {
      TextBlocks.Block block = inRegion.get(i);
      if (keep(block) || isItemTitle(inRegion, i)) {
        kept.add(block);
      }
    }
    cutCommentsTail(kept);
    dropEmptyHeadings(kept);
    TextBlocks.Block headline = headlineOutside(blocks, region, kept);
    if (headline != null) {
      kept.add(0, headline);
    }
    return new Extraction(TextBlocks.join(kept), title);
  }

  /** Long, link-poor blocks: the evidence for where the content is. */
  private static boolean substantial(TextBlocks.Block b) {
    return b.words() >= 10 && b.linkDensity() < 0.3;
  }

  private static boolean keep(TextBlocks.Block b) {
    if (b.words() == 0) {
      return false;
    }
    if (b.preformatted()) {
      return true;
    }
    if (b.linkDensity() > 0.5 && !(b.heading() && b.words() >= 3)) {
      return false;
    }
    // A word or two alone in a table cell or div is a label (a user name, a rank, a date).
    if (b.words() <= 2 && !b.heading() && !b.listItem()
        && !PROSE_CONTAINERS.contains(b.container().normalName()) && !isKeyValueRow(b)) {
      return false;
    }
    return !BoilerplatePruner.isBoilerplateLine(b.text(), b.words());
  }

  /**
   * A short block of one link, between non-link content and followed by a link-poor snippet: the
   * title of an item on a listing page (archive, search results, category). Menus fail the
   * test: their links come in runs.
   */
  private static boolean isItemTitle(List<TextBlocks.Block> blocks, int i) {
    TextBlocks.Block b = blocks.get(i);
    if (b.links() != 1 || b.words() < 2 || b.words() > 20 || b.linkDensity() <= 0.5
        || BoilerplatePruner.isBoilerplateLine(b.text(), b.words())) {
      return false;
    }
    int j = i + 1;
    while (j < blocks.size() && j <= i + 2
        && BoilerplatePruner.isBoilerplateLine(blocks.get(j).text(), blocks.get(j).words())) {
      j++;
    }
    if (j >= blocks.size()) {
      return false;
    }
    TextBlocks.Block next = blocks.get(j);
    boolean snippetFollows = next.words() >= 8 && next.linkDensity() < 0.3;
    boolean notInALinkRun = i == 0 || blocks.get(i - 1).linkDensity() <= 0.5;
    return snippetFollows && notInALinkRun;
  }

  /** A plain table row of two or more cells, such as a specification "Weight | 1.2 kg". */
  private static boolean isKeyValueRow(TextBlocks.Block b) {
    Element row = b.container();
    return row.normalName().equals("tr") && row.children().size() >= 2
        && row.select("p, div, table, ul, ol, br").isEmpty();
  }

  /** A heading with no text after it before the next heading of its level heads nothing. */
  private static void dropEmptyHeadings(List<TextBlocks.Block> kept) {
    for (int i = kept.size() - 1; i >= 0; i--) {
      TextBlocks.Block b = kept.get(i);
      if (b.heading() && b.headingLevel() > 1) {
        TextBlocks.Block next = i + 1 < kept.size() ? kept.get(i + 1) : null;
        if (next == null || next.heading() && next.headingLevel() <= b.headingLevel()) {
          kept.remove(i);
        }
      }
    }
  }

  /**
   * Drops boilerplate lines inside a block (forum "Joined:"/"Posts:" lines, "X wrote:") and a
   * signature: everything after a line of underscores. Null when nothing is left.
   */
  private static TextBlocks.Block withoutBoilerplateLines(TextBlocks.Block b) {
    if (b.text().indexOf('\n') < 0 && !b.text().matches("_{5,}.*")) {
      return b;
    }
    StringBuilder sb = new StringBuilder();
    for (String line : b.text().split("\n")) {
      if (line.matches("_{5,}.*")) {
        break;
      }
      if (!BoilerplatePruner.isBoilerplateLine(line, TextBlocks.countWords(line))) {
        sb.append(sb.length() > 0 ? "\n" : "").append(line);
      }
    }
    if (sb.length() == 0) {
      return null;
    }
    String text = sb.toString();
    int words = TextBlocks.countWords(text);
    return new TextBlocks.Block(text, words, Math.min(b.linkWords(), words), b.links(),
        b.container(), b.headingLevel(), b.listItem(), false);
  }

  /**
   * Drops a comment section found by its heading ("4 comments", "Leave a reply") when what
   * follows is shorter than what precedes it; on a thread the replies are the content.
   */
  private static void cutCommentsTail(List<TextBlocks.Block> kept) {
    int before = 0;
    for (int i = 0; i < kept.size(); i++) {
      TextBlocks.Block b = kept.get(i);
      if (b.words() <= 8 && COMMENTS_HEADING.matcher(b.text().strip()).matches() && i > 0) {
        int after = kept.subList(i, kept.size()).stream().mapToInt(TextBlocks.Block::words).sum();
        if (after < before) {
          kept.subList(i, kept.size()).clear();
        }
        return;
      }
      before += b.words();
    }
  }

  private static final java.util.regex.Pattern COMMENTS_HEADING = java.util.regex.Pattern.compile(
      "(?i)^(\\d+ |all \\d+ )?(comments?|responses?|replies|reactions|discussion|"
          + "leave a (reply|comment)|join the discussion|kommentare|commentaires|comentarios|"
          + "комментарии)( \\(\\d+\\))?:?$");

  /** Deepest element that holds at least {@link #REGION_SHARE} of the substantial words. */
  static Element contentRegion(Element body, List<TextBlocks.Block> blocks) {
    Map<Element, Integer> words = new IdentityHashMap<>();
    int total = 0;
    for (TextBlocks.Block b : blocks) {
      if (substantial(b)) {
        total += b.words();
        for (Element e = b.container(); e != null; e = e.parent()) {
          words.merge(e, b.words(), Integer::sum);
          if (e == body) {
            break;
          }
        }
      }
    }
    if (total == 0) {
      return body;
    }
    Element region = densestRegion(body, words, total);
    // Semantic markup knows better: the standfirst and captions of an <article> belong to it.
    Element article = region.closest("article");
    return article != null ? article : region;
  }

  private static Element densestRegion(Element body, Map<Element, Integer> words, int total) {
    Element region = body;
    descend:
    while (true) {
      for (Element child : region.children()) {
        if (SECTIONS.contains(child.normalName())
            && words.getOrDefault(child, 0) >= REGION_SHARE * total) {
          region = child;
          continue descend;
        }
      }
      return region;
    }
  }

  private static TextBlocks.Block headlineOutside(List<TextBlocks.Block> blocks, Element region,
      List<TextBlocks.Block> kept) {
    boolean regionHasH1 = kept.stream().anyMatch(b -> b.headingLevel() == 1);
    if (regionHasH1) {
      return null;
    }
    TextBlocks.Block firstKept = kept.isEmpty() ? null : kept.get(0);
    for (TextBlocks.Block b : blocks) {
      if (b == firstKept) {
        return null;
      }
      if (b.headingLevel() == 1 && b.linkDensity() < 0.5 && !isInside(b.container(), region)) {
        return b;
      }
    }
    return null;
  }

  static boolean isInside(Node node, Element ancestor) {
    for (Node n = node; n != null; n = n.parent()) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }
}
