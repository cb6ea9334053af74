package dev.quarry.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Removes what is never main content, before blocks are scored: non-text elements, navigation,
 * site headers and footers, asides, forms, hidden elements, and elements whose class or id name
 * a boilerplate role (menu, sidebar, cookie banner, share bar, comments, related links...).
 * An element holding most of the page's text is never removed by name: wrappers such as
 * {@code <div class="page has-sidebar">} carry such names too.
 */
final class BoilerplatePruner {
  private static final Set<String> NEVER_CONTENT = Set.of(
      "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
      "button", "select", "input", "textarea", "label", "nav", "aside", "menu", "dialog",
      "footer", "map", "audio", "video", "picture", "img", "head", "link", "meta");

  private static final Pattern BOILERPLATE_NAME = Pattern.compile(
      "(nav|navbar|navigation|menu|menubar|submenu|megamenu|breadcrumbs?|crumbs|sidebar|"
          + "side|widget|widgets|footer|masthead|topbar|banner|cookie|cookies|consent|gdpr|"
          + "popup|modal|overlay|newsletter|subscribe|subscription|signup|social|share|sharing|"
          + "sharebar|related|recommended|recommendations|promo|advert|advertisement|ad|ads|"
          + "adslot|sponsor|sponsored|respond|pagination|pager|"
          + "toolbar|skip|author|bio|byline|dateline|tags|tagcloud|taglist|meta|postmeta|"
          + "entrymeta|signature|sig|userinfo|postprofile|profile|usercard|rating|reviews|"
          + "toc|outline|prevnext|cart|price|buybox|shipping|filters?|sort|facets|"
          + "trending|popular|mostread|login|searchbox|searchform|header|hdr|legal|copyright)");

  /**
   * Search boxes, sign-ups and logins are short forms; some sites (old forum and comment
   * software) wrap every post in a form, so long forms are treated like any container.
   */
  private static final int SHORT_FORM_CHARS = 300;

  /** Comment sections: boilerplate on articles, but the content of a thread. */
  private static final Pattern COMMENT_NAME =
      Pattern.compile("(comments?|commentlist|commentarea|disqus|discussion|replies)");

  private static final Pattern HIDDEN_STYLE = Pattern.compile(
      "(display\\s*:\\s*none|visibility\\s*:\\s*hidden)", Pattern.CASE_INSENSITIVE);

  private static final Pattern BOILERPLATE_LINE = Pattern.compile(
      "(?i)^(share( this( article| post| page)?)?( on)?\\b.*|read more\\b.*|continue reading.*|"
          + "(lire la suite|weiterlesen|mehr lesen|leer más|seguir leyendo|leia mais|"
          + "continua a leggere|czytaj dalej|читать далее|続きを読む|阅读全文|더 보기).*|"
          + "(category|categories|rubrique|kategorie|categoría|categoria|catégorie)\\s*:.*|"
          + ".*[★☆].*|"
          + "tags?:.*|filed under.*|posted (by|in|on)\\b.*|by [\\p{L} .'-]+ ?[|·•,-].*|"
          + "©.*|\\(c\\) \\d{4}.*|copyright.*|all rights reserved.*|advertisement|"
          + "subscribe.*|sign up.*|log ?in.*|related( articles| posts| stories)?:?|"
          + "print|email|tweet|pin it|like|reply|quote|report|permalink|"
          + "previous( post| article)?|next( post| article)?|back to top.*|skip to.*|"
          + "(joined|posts|location|posted|post subject|registered|rank|reputation|"
          + "member since|messages|reaction score|last edited( by)?|"
          + "fecha de ingreso|mensajes|ubicación|registriert seit|beiträge|wohnort|inscrit le|"
          + "localisation)\\s*:.*|"
          + "author( message)?|message|.{1,40} wrote:|_{5,}|-- ?|re: .*|"
          + "(originalmente escrito por|quote from|zitat von|citation de|цитата) .*)$");

  /** Dates, times and "n days ago": a short line holding one is a dateline, not content. */
  private static final Pattern DATE = Pattern.compile(
      "(?i)(\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|"
          + "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.? \\d{1,2},? "
          + "\\d{4}\\b|\\b\\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
          + "\\.? \\d{4}\\b|\\b\\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago\\b|"
          + "\\b\\d+ min read\\b)");

  private BoilerplatePruner() {}

  static void prune(Element body) {
    int bodyChars = Math.max(1, body.text().length());
    List<Element> doomed = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      if (NEVER_CONTENT.contains(e.normalName()) || isHidden(e)) {
        doomed.add(e);
      } else if (e.normalName().equals("header") && !insideArticle(e)) {
        doomed.add(e);
      } else if (e.normalName().equals("form") && e.text().length() < SHORT_FORM_CHARS
          && hasVisibleControls(e)) {
        doomed.add(e);
      } else if (names(e, BOILERPLATE_NAME) && e.text().length() < 0.4 * bodyChars
          && !holdsHeadline(e) && !isHeading(e)) {
        doomed.add(e);
      }
    }
    removeAll(doomed);
    pruneCommentSections(body);
  }

  /**
   * Removes comment sections unless they hold more text than the rest of the page: then the
   * page is a thread (a forum, a Q&A page) whose replies are its content.
   */
  private static void pruneCommentSections(Element body) {
    List<Element> sections = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e != body && names(e, COMMENT_NAME) && !holdsHeadline(e)
          && sections.stream().noneMatch(outer -> MainTextExtractor.isInside(e, outer))) {
        sections.add(e);
      }
    }
    long inside = sections.stream().mapToLong(e -> e.text().length()).sum();
    long outside = body.text().length() - inside;
    if (inside <= outside) {
      removeAll(sections);
    }
  }

  private static void removeAll(List<Element> elements) {
    for (Element e : elements) {
      if (e.parent() != null) {
        e.remove();
      }
    }
  }

  /** A short block whose text is a share bar, byline, tag list, copyright line or the like. */
  static boolean isBoilerplateLine(String text, int words) {
    String line = text.strip();
    return words <= 12 && BOILERPLATE_LINE.matcher(line).matches()
        || words <= 10 && DATE.matcher(line).find() && !line.matches(".*[.!?]\\s*$");
  }

  private static boolean isHidden(Element e) {
    return e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))
        || HIDDEN_STYLE.matcher(e.attr("style")).find()
        || "navigation".equals(e.attr("role")) || "banner".equals(e.attr("role"))
        || "contentinfo".equals(e.attr("role")) || "complementary".equals(e.attr("role"))
        || "search".equals(e.attr("role"));
  }

  private static boolean insideArticle(Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("article") || tag.equals("main")) {
        return true;
      }
    }
    return false;
  }

  /** An element holding a real headline (an h1 of three words or more), not a site header. */
  private static boolean holdsHeadline(Element e) {
    return e.getElementsByTag("h1").stream().anyMatch(h -> TextBlocks.countWords(h.text()) >= 3)
        && e.getElementsByTag("nav").isEmpty() && e.getElementsByTag("ul").size() < 2;
  }

  /** Headings are judged by what follows them, never by their class names. */
  private static boolean isHeading(Element e) {
    String tag = e.normalName();
    return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
  }

  /** A form a person fills in, unlike the post-wrapping forms of some forum software. */
  private static boolean hasVisibleControls(Element form) {
    return form.select("textarea, select, button, input").stream()
        .anyMatch(c -> !"hidden".equalsIgnoreCase(c.attr("type")));
  }

  static boolean names(Element e, Pattern role) {
    // camelCase names count as words too: customerReviews, relatedPosts.
    String names = (e.className() + " " + e.id()).replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase(Locale.ROOT);
    if (names.isBlank()) {
      return false;
    }
    for (String token : names.split("[\\s_-]+")) {
      if (!token.isEmpty() && role.matcher(token).matches()) {
        return true;
      }
    }
    return false;
  }
}
