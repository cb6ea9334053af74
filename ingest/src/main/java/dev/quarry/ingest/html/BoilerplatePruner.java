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
          + "adslot|sponsor|sponsored|comments?|commentlist|respond|disqus|pagination|pager|"
          + "toolbar|skip|author|bio|byline|dateline|tags|tagcloud|taglist|meta|postmeta|"
          + "entrymeta|signature|sig|userinfo|postprofile|profile|usercard|rating|reviews|"
          + "toc|outline|prevnext|cart|price|buybox|shipping|filters?|sort|facets|"
          + "trending|popular|mostread|login|search|header|hdr|legal|copyright)");

  private static final Pattern HIDDEN_STYLE = Pattern.compile(
      "(display\\s*:\\s*none|visibility\\s*:\\s*hidden)", Pattern.CASE_INSENSITIVE);

  private static final Pattern BOILERPLATE_LINE = Pattern.compile(
      "(?i)^(share( this( article| post| page)?)?( on)?\\b.*|read more\\b.*|continue reading.*|"
          + "tags?:.*|filed under.*|posted (by|in|on)\\b.*|by [\\p{L} .'-]+ ?[|·•,-].*|"
          + "©.*|\\(c\\) \\d{4}.*|copyright.*|all rights reserved.*|advertisement|"
          + "subscribe.*|sign up.*|log ?in.*|related( articles| posts| stories)?:?|"
          + "print|email|tweet|pin it|like|reply|quote|report|permalink|"
          + "previous( post| article)?|next( post| article)?|back to top.*|skip to.*)$");

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
      } else if (e.normalName().equals("form") && e.text().length() < 0.5 * bodyChars) {
        doomed.add(e);
      } else if (namesBoilerplate(e) && e.text().length() < 0.4 * bodyChars
          && !holdsHeadline(e)) {
        doomed.add(e);
      }
    }
    for (Element e : doomed) {
      if (e.parent() != null) {
        e.remove();
      }
    }
  }

  /** A short block whose text is a share bar, byline, tag list, copyright line or the like. */
  static boolean isBoilerplateLine(String text, int words) {
    return words <= 12 && BOILERPLATE_LINE.matcher(text.strip()).matches();
  }

  private static boolean isHidden(Element e) {
    return e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))
        || HIDDEN_STYLE.matcher(e.attr("style")).find()
        || "navigation".equals(e.attr("role")) || "banner".equals(e.attr("role"))
        || "contentinfo".equals(e.attr("role")) || "complementary".equals(e.attr("role"));
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

  private static boolean holdsHeadline(Element e) {
    return !e.getElementsByTag("h1").isEmpty() && e.getElementsByTag("nav").isEmpty()
        && e.getElementsByTag("ul").size() < 2;
  }

  static boolean namesBoilerplate(Element e) {
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    if (names.isBlank()) {
      return false;
    }
    for (String token : names.split("[\\s_-]+")) {
      if (!token.isEmpty() && BOILERPLATE_NAME.matcher(token).matches()) {
        return true;
      }
    }
    return false;
  }
}
