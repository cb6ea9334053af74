package dev.quarry.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Cuts a cleaned DOM into text blocks: the runs of inline text between block-level boundaries,
 * each with its word count, the share of its words inside links and its innermost block
 * container. Table cells join into one row per line; {@code <br>} is a line break.
 */
final class TextBlocks {
  private static final Set<String> BLOCK_TAGS = Set.of(
      "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
      "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
      "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p",
      "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption");
  private static final Set<String> CELL_TAGS = Set.of("td", "th");

  record Block(String text, int words, int linkWords, int links, Element container,
      int headingLevel, boolean listItem, boolean preformatted) {
    double linkDensity() {
      return words == 0 ? 0 : (double) linkWords / words;
    }

    boolean heading() {
      return headingLevel > 0;
    }

    /** Rows and list items stack with a line break; everything else is its own paragraph. */
    boolean stacks() {
      return listItem || "tr".equals(container.normalName());
    }
  }

  private TextBlocks() {}

  static List<Block> of(Element root) {
    Collector collector = new Collector();
    NodeTraversor.traverse(collector, root);
    collector.flush(root);
    return collector.blocks;
  }

  static String join(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    Block previous = null;
    for (Block b : blocks) {
      if (previous != null) {
        sb.append(previous.stacks() && b.stacks() ? "\n" : "\n\n");
      }
      sb.append(b.text());
      previous = b;
    }
    return sb.toString();
  }

  static int countWords(CharSequence s) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isIdeograph(c)) {
        // CJK text has no spaces: count roughly one word per two characters.
        words += (i & 1);
        inWord = false;
      } else if (Character.isLetterOrDigit(c)) {
        if (!inWord) {
          words++;
        }
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        inWord = false;
      }
    }
    return words;
  }

  static boolean isIdeograph(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
  }

  private static final class Collector implements NodeVisitor {
    final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder linkText = new StringBuilder();
    private int linkDepth;
    private int links;
    private int preDepth;
    private Element container;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        String s = preDepth > 0 ? t.getWholeText() : collapse(t.getWholeText());
        if (preDepth == 0 && s.equals(" ") && endsWithSpace()) {
          return;
        }
        text.append(s);
        if (linkDepth > 0) {
          linkText.append(s).append(' ');
        }
      } else if (node instanceof Element e) {
        String tag = e.normalName();
        if (BLOCK_TAGS.contains(tag)) {
          flush(e.parent() == null ? e : currentContainer(e));
          container = e;
        } else if (tag.equals("br")) {
          text.append('\n');
        } else if (CELL_TAGS.contains(tag) && text.length() > 0 && !endsWithSpace()) {
          text.append(' ');
        } else if (tag.equals("a")) {
          if (linkDepth == 0) {
            links++;
          }
          linkDepth++;
        } else if (tag.equals("img") || tag.equals("input")) {
          text.append(' ');
        }
        if (tag.equals("pre")) {
          preDepth++;
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element e) {
        String tag = e.normalName();
        if (tag.equals("a")) {
          linkDepth--;
        }
        if (BLOCK_TAGS.contains(tag)) {
          flush(container);
          container = e.parent();
        }
        if (tag.equals("pre")) {
          preDepth--;
        }
      }
    }

    private Element currentContainer(Element e) {
      return container == null ? e.parent() : container;
    }

    private boolean endsWithSpace() {
      return text.length() == 0 || Character.isWhitespace(text.charAt(text.length() - 1));
    }

    void flush(Element where) {
      if (text.length() > 0 && where != null) {
        boolean pre = isPre(where);
        String content = pre ? stripBlankEdges(text.toString()) : tidy(text.toString());
        if (!content.isEmpty()) {
          int words = countWords(content);
          blocks.add(new Block(content, words, Math.min(words, countWords(linkText)), links,
              where, headingLevel(where), isListItem(where), pre));
        }
      }
      text.setLength(0);
      linkText.setLength(0);
      links = 0;
    }

    private static boolean isPre(Element e) {
      for (Element x = e; x != null; x = x.parent()) {
        if (x.normalName().equals("pre")) {
          return true;
        }
      }
      return false;
    }

    private static boolean isListItem(Element e) {
      return e.normalName().equals("li") || e.normalName().equals("dt")
          || e.normalName().equals("dd");
    }

    private static int headingLevel(Element e) {
      String tag = e.normalName();
      return tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))
          ? tag.charAt(1) - '0' : 0;
    }

    private static String collapse(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      boolean space = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00a0') {
          if (!space) {
            sb.append(' ');
          }
          space = true;
        } else {
          sb.append(c);
          space = false;
        }
      }
      return sb.toString();
    }

    /** Trims each line and drops empty lines produced by consecutive {@code <br>}. */
    private static String tidy(String s) {
      StringBuilder sb = new StringBuilder();
      for (String line : s.split("\n")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty()) {
          if (sb.length() > 0) {
            sb.append('\n');
          }
          sb.append(trimmed);
        }
      }
      return sb.toString();
    }

    private static String stripBlankEdges(String s) {
      return s.replaceAll("^\\s*\\n", "").stripTrailing();
    }
  }
}
