package dev.quarry.filters.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.Document;
import dev.quarry.core.config.ConfigException;
import dev.quarry.filters.FilterSteps;
import dev.quarry.filters.Verdict;
import dev.quarry.filters.chain.ChainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlBlocklistTest {
  private final UrlBlocklist defaults = new UrlBlocklist(UrlBlocklist.Params.defaults());

  static Document doc(String url, String text) {
    return new Document("d", text, url, "test", null, "mem:d", null, null, null, null, null,
        null);
  }

  private String reason(String url) {
    Verdict verdict = defaults.apply(doc(url, "Some text."));
    return verdict.dropReason();
  }

  @Test
  void aListedDomainAndItsSubdomainsAreBlocked() {
    assertThat(reason("https://casino-bonus.example/")).isEqualTo("url_blocked_domain");
    assertThat(reason("http://a.b.casino-bonus.example/page.html"))
        .isEqualTo("url_blocked_domain");
    assertThat(reason("https://user@WWW.Casino-Bonus.Example.:8080/x?y#z"))
        .isEqualTo("url_blocked_domain");
  }

  @Test
  void aDomainThatOnlyEndsWithTheSameLettersIsNotBlocked() {
    assertThat(reason("https://notcasino-bonus.example/")).isNull();
    UrlBlocklist domainsOnly = new UrlBlocklist(new UrlBlocklist.Params(null, List.of()));
    assertThat(domainsOnly.apply(doc("https://casino-bonus.example.org/", "")).kept()).isTrue();
    assertThat(domainsOnly.apply(doc("https://casino-bonus.example/", "")).dropReason())
        .isEqualTo("url_blocked_domain");
  }

  @Test
  void bannedWordsMatchWholeTokensOfTheUrl() {
    assertThat(reason("https://www.news.example/best-CASINO-games")).isEqualTo("url_banned_word");
    assertThat(reason("https://www.news.example/sex/advice")).isEqualTo("url_banned_word");
    assertThat(reason("https://www.essex-news.example/sussex/events")).isNull();
    assertThat(reason("https://www.news.example/casinos-of-monaco")).isNull();
  }

  @Test
  void documentsWithoutAUrlAreKept() {
    assertThat(defaults.apply(doc(null, "casino viagra")).kept()).isTrue();
    assertThat(defaults.apply(doc("", "casino")).kept()).isTrue();
  }

  @Test
  void hostsAreReadLeniently() {
    assertThat(UrlBlocklist.host("https://u:p@Sub.Example.COM:443/a")).isEqualTo("sub.example.com");
    assertThat(UrlBlocklist.host("example.com/path")).isEqualTo("example.com");
    assertThat(UrlBlocklist.host("http://[::1]:80/")).isEqualTo("::1");
    assertThat(UrlBlocklist.host("://")).isEmpty();
  }

  @Test
  void listsFromAFilePathWork(@TempDir Path dir) throws Exception {
    Path domains = dir.resolve("domains");
    Files.writeString(domains, "# mine\n\n*.Evil.test  # trailing comment\nbad.test.\n");
    Path words = dir.resolve("words");
    Files.writeString(words, "spam\n");
    UrlBlocklist step = new UrlBlocklist(new UrlBlocklist.Params(
        List.of(domains.toString()), List.of(words.toUri().toString())));
    assertThat(step.apply(doc("https://x.evil.test/", "")).dropReason())
        .isEqualTo("url_blocked_domain");
    assertThat(step.apply(doc("https://bad.test/", "")).dropReason())
        .isEqualTo("url_blocked_domain");
    assertThat(step.apply(doc("https://ok.test/spam-page", "")).dropReason())
        .isEqualTo("url_banned_word");
    assertThat(step.apply(doc("https://casino-bonus.example/", "")).kept()).isTrue();
  }

  @Test
  void aMissingListFileNamesTheParameterAndThePath(@TempDir Path dir) {
    String missing = dir.resolve("nope.txt").toString();
    assertThatThrownBy(() -> new UrlBlocklist(new UrlBlocklist.Params(null, List.of(missing))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("banned_words[0]").hasMessageContaining(missing);
    ChainConfig chain = new ChainConfig(null, null, null, List.of(new ChainConfig.StepConfig(
        "url_blocklist", Map.of("domains", List.of(missing)))));
    assertThatThrownBy(() -> FilterSteps.registry().build(chain, "chain.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chain.yaml: steps[0].params.domains[0]")
        .hasMessageContaining(missing);
  }
}
