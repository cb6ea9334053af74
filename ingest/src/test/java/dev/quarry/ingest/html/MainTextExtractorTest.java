package dev.quarry.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTextExtractorTest {
  private final MainTextExtractor extractor = new MainTextExtractor();

  private static final String P1 = "The harbour authority confirmed on Tuesday that the old pier "
      + "will reopen next spring after two years of repairs.";
  private static final String P2 = "Fishermen welcomed the news, though several said the new "
      + "mooring fees would be hard to bear in a poor season.";

  private String extract(String body) {
    return extractor.extract("<html><head><title>T</title></head><body>" + body
        + "</body></html>", "https://x/").text();
  }

  @Test
  void keepsHeadlineAndParagraphsAndDropsSiteChrome() {
    String text = extract("<header><a href='/'>Logo</a><nav><a href='/a'>News</a> "
        + "<a href='/b'>Sport</a></nav></header><main><article><h1>Pier to reopen in spring</h1>"
        + "<p>" + P1 + "</p><p>" + P2 + "</p></article><aside><h2>Most read</h2><p>" + P2
        + " Again.</p></aside></main><footer>© 2026 Example Media. All rights reserved.</footer>");
    assertThat(text).isEqualTo("Pier to reopen in spring\n\n" + P1 + "\n\n" + P2);
  }

  @Test
  void listItemsAndLineBreaksStayOnTheirOwnLines() {
    String text = extract("<div id='content'><p>" + P1 + "</p><ul><li>Flour, 500 g</li>"
        + "<li>Water, 300 ml</li></ul><p>Line one of the address<br>Line two of it</p></div>");
    assertThat(text).isEqualTo(P1 + "\n\nFlour, 500 g\nWater, 300 ml\n\n"
        + "Line one of the address\nLine two of it");
  }

  @Test
  void dropsLinkDenseBlocksHiddenElementsAndShareLines() {
    String text = extract("<div class='post'><p>" + P1 + "</p>"
        + "<p><a href='/1'>Related story one here</a> <a href='/2'>Another related story</a></p>"
        + "<p style='display:none'>Hidden teaser text that nobody sees on the page at all.</p>"
        + "<p>Share this article</p><p>" + P2 + "</p></div>");
    assertThat(text).isEqualTo(P1 + "\n\n" + P2);
  }

  @Test
  void dropsCookieBannersAndRelatedRailsByTheirNames() {
    String text = extract("<div class='cookie-consent'><p>We use cookies to improve your "
        + "experience on our website and for analytics.</p></div><div class='story'><p>" + P1
        + "</p></div><div class='related-posts'><p>" + P2 + "</p></div>");
    assertThat(text).isEqualTo(P1);
  }

  @Test
  void commentsAreDroppedOnAnArticleButAreTheContentOfAThread() {
    String comments = "<div class='comments'><p>" + P2 + "</p></div>";
    String article = extract("<article><p>" + P1 + " " + P1 + "</p>" + comments + "</article>");
    assertThat(article).doesNotContain("Fishermen");
    String thread = extract("<div class='question'><p>Is the pier open yet?</p></div>"
        + "<div class='comments'><p>" + P1 + "</p><p>" + P2 + "</p></div>");
    assertThat(thread).contains("Fishermen").contains("harbour authority");
  }

  @Test
  void forumMetadataAndSignaturesAreDroppedFromPosts() {
    String text = extract("<table><tr><td><div class='post'>" + P1
        + "<br>_________________<br>My bike: a 1987 Raleigh</div></td></tr></table>"
        + "<p>Joined: 14 Mar 2017</p><p>" + P2 + "</p>");
    assertThat(text).isEqualTo(P1 + "\n\n" + P2);
  }

  @Test
  void titleIsReportedAndEmptyBodiesGiveEmptyText() {
    MainTextExtractor.Extraction e = extractor.extract(
        "<html><head><title> Pier news </title></head><body></body></html>", null);
    assertThat(e.title()).isEqualTo("Pier news");
    assertThat(e.text()).isEmpty();
    assertThat(extractor.extract("not html at all", null).text()).isEqualTo("not html at all");
  }
}
