package dev.quarry.jobs.corpus;

import java.util.List;

/**
 * Site templates in the shapes the web has: semantic HTML5, div soup with class names, and an
 * old table layout. Each wraps the main blocks (block 0 is the headline) in navigation, an
 * optional cookie banner, a related-links rail and a footer, with scripts and styles.
 */
final class PageTemplates {
  static final int COUNT = 3;

  private PageTemplates() {}

  static String render(int template, String lang, String site, String headline, List<String> main,
      List<String> boilerplate, List<String> related, boolean listOnly, boolean cookieBanner) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(htmlLang(lang)).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(esc(title(headline, site)))
        .append("</title>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<style>body{font-family:sans-serif;margin:0}.wrap{max-width:960px;margin:auto}"
            + ".nav a{padding:4px 8px}.rail{float:right;width:240px}</style>\n")
        .append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push("
            + "arguments);}gtag('js',new Date());</script>\n</head>\n<body>\n");
    int half = boilerplate.size() / 2 + 1;
    List<String> navItems = boilerplate.subList(0, Math.min(half, boilerplate.size()));
    List<String> footerItems = boilerplate.subList(Math.min(half, boilerplate.size()),
        boilerplate.size());
    switch (template) {
      case 0 -> semantic(h, site, main, navItems, footerItems, related, listOnly, cookieBanner);
      case 1 -> divSoup(h, site, main, navItems, footerItems, related, listOnly, cookieBanner);
      default -> tables(h, site, main, navItems, footerItems, related, listOnly, cookieBanner);
    }
    h.append("<script src=\"/static/app.js\" defer></script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void semantic(StringBuilder h, String site, List<String> main,
      List<String> nav, List<String> footer, List<String> related, boolean listOnly,
      boolean cookie) {
    h.append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").append(esc(site))
        .append("</a>\n<nav class=\"nav\"><ul>");
    nav.forEach(item -> h.append("<li><a href=\"/").append(slug(item)).append("\">")
        .append(esc(item)).append("</a></li>"));
    h.append("</ul></nav></header>\n");
    if (cookie) {
      h.append("<div class=\"cookie-banner\" role=\"dialog\"><p>").append(esc(nav.get(0)))
          .append(" — ").append(esc(footer.isEmpty() ? nav.get(0) : footer.get(0)))
          .append("</p><button>OK</button></div>\n");
    }
    h.append("<main class=\"wrap\"><article>\n<h1>").append(esc(main.get(0))).append("</h1>\n");
    body(h, main, listOnly);
    h.append("</article>\n<aside class=\"rail\"><h2>").append(esc(nav.get(nav.size() - 1)))
        .append("</h2><ul>");
    related.forEach(r -> h.append("<li><a href=\"/").append(slug(r)).append("\">")
        .append(esc(r)).append("</a></li>"));
    h.append("</ul></aside></main>\n<footer class=\"site-footer\">");
    footer.forEach(f -> h.append("<p>").append(esc(f)).append("</p>"));
    h.append("</footer>\n");
  }

  private static void divSoup(StringBuilder h, String site, List<String> main,
      List<String> nav, List<String> footer, List<String> related, boolean listOnly,
      boolean cookie) {
    if (cookie) {
      h.append("<div id=\"cookie-notice\" class=\"cookie-notice\">")
          .append(esc(footer.isEmpty() ? nav.get(0) : footer.get(0)))
          .append(" <a href=\"/privacy\">").append(esc(nav.get(0))).append("</a></div>\n");
    }
    h.append("<div id=\"top\" class=\"topbar\"><div class=\"logo\">").append(esc(site))
        .append("</div><div class=\"menu\">");
    nav.forEach(item -> h.append("<a href=\"/").append(slug(item)).append("\">")
        .append(esc(item)).append("</a> | "));
    h.append("</div></div>\n<div id=\"page\" class=\"wrap\"><div id=\"content\" "
        + "class=\"content-inner\">\n<h1 class=\"headline\">").append(esc(main.get(0)))
        .append("</h1>\n<div class=\"story-body\">\n");
    body(h, main, listOnly);
    h.append("</div>\n<div class=\"share-bar\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a>"
        + "</div>\n</div>\n<div id=\"sidebar\" class=\"sidebar\"><h3>")
        .append(esc(nav.get(nav.size() - 1))).append("</h3>");
    related.forEach(r -> h.append("<div class=\"related-item\"><a href=\"/").append(slug(r))
        .append("\">").append(esc(r)).append("</a></div>"));
    h.append("</div></div>\n<div id=\"footer\" class=\"footer\">");
    footer.forEach(f -> h.append("<span>").append(esc(f)).append("</span><br>"));
    h.append("</div>\n");
  }

  private static void tables(StringBuilder h, String site, List<String> main,
      List<String> nav, List<String> footer, List<String> related, boolean listOnly,
      boolean cookie) {
    h.append("<table width=\"100%\" cellpadding=\"0\"><tr><td colspan=\"2\" class=\"c1\"><b>")
        .append(esc(site)).append("</b><br>");
    nav.forEach(item -> h.append("<a href=\"/").append(slug(item)).append("\">")
        .append(esc(item)).append("</a> · "));
    h.append("</td></tr>\n<tr><td valign=\"top\" width=\"180\" class=\"c2\">");
    related.forEach(r -> h.append("<a href=\"/").append(slug(r)).append("\">").append(esc(r))
        .append("</a><br>"));
    h.append("</td>\n<td valign=\"top\" class=\"c3\">");
    if (cookie) {
      h.append("<div style=\"background:#ffd\">")
          .append(esc(footer.isEmpty() ? nav.get(0) : footer.get(0))).append("</div>");
    }
    h.append("<h1>").append(esc(main.get(0))).append("</h1>\n");
    body(h, main, listOnly);
    h.append("</td></tr>\n<tr><td colspan=\"2\" class=\"c4\"><small>");
    footer.forEach(f -> h.append(esc(f)).append(" &middot; "));
    h.append("</small></td></tr></table>\n");
  }

  private static void body(StringBuilder h, List<String> main, boolean listOnly) {
    if (listOnly) {
      h.append("<ul class=\"links\">\n");
      main.subList(1, main.size()).forEach(item -> h.append("<li><a href=\"/")
          .append(slug(item)).append("\">").append(esc(item)).append("</a></li>\n"));
      h.append("</ul>\n");
      return;
    }
    main.subList(1, main.size()).forEach(p -> h.append("<p>").append(esc(p)).append("</p>\n"));
  }

  private static String htmlLang(String lang) {
    return switch (lang) {
      case "eng" -> "en"; case "deu" -> "de"; case "fra" -> "fr"; case "spa" -> "es";
      case "ita" -> "it"; case "por" -> "pt"; case "rus" -> "ru"; case "pol" -> "pl";
      case "jpn" -> "ja"; case "cmn" -> "zh"; case "kor" -> "ko"; default -> "und";
    };
  }

  /** The page's {@code <title>}: the headline and the site, as most sites write it. */
  static String title(String headline, String site) {
    return headline + " | " + site;
  }

  static String slug(String s) {
    String slug = s.toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    return slug.length() > 40 ? slug.substring(0, 40) : slug;
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
