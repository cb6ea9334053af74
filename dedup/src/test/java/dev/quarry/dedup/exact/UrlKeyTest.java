package dev.quarry.dedup.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlKeyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // scheme and host lower-cased; path and query kept as written; fragment dropped
      "HTTP://Example.COM/Path/Page.HTML?Q=A&b=2#Top | http://example.com/Path/Page.HTML?Q=A&b=2",
      // default ports dropped, other ports kept
      "http://example.com:80/a | http://example.com/a",
      "https://example.com:443/ | https://example.com/",
      "https://example.com:0443/ | https://example.com/",
      "http://example.com:443/a | http://example.com:443/a",
      "https://example.com:8443/a | https://example.com:8443/a",
      "http://example.com:/a | http://example.com/a",
      // user info keeps its case; the host after it is lower-cased
      "http://User:Pw@Example.com:80/x | http://User:Pw@example.com/x",
      // IPv6 literal: its colons are not a port
      "http://[2001:DB8::1]:80/a | http://[2001:db8::1]/a",
      "http://[2001:DB8::1]/a | http://[2001:db8::1]/a",
      "http://[2001:DB8::1]:8080 | http://[2001:db8::1]:8080",
      // no path, query without path, fragment before a '?'
      "http://Example.com | http://example.com",
      "http://Example.com:80?q=1 | http://example.com?q=1",
      "http://example.com/a#frag?x=1 | http://example.com/a",
      // percent-encodings, trailing slashes and repeated slashes are the server's business
      "http://example.com/A%2fb//c/?X=%41 | http://example.com/A%2fb//c/?X=%41",
      // surrounding whitespace trimmed
      "'  https://EXAMPLE.org/x  ' | https://example.org/x",
      // no authority: only the scheme is lower-cased
      "MAILTO:Someone@Example.com | mailto:Someone@Example.com",
      // no scheme: kept as is but for the fragment
      "Example.com/Page#top | Example.com/Page",
      "/relative/Path?x | /relative/Path?x",
  })
  void normalises(String url, String expected) {
    assertThat(UrlKey.of(url)).contains(expected);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void noUrlHasNoKey(String url) {
    assertThat(UrlKey.of(url)).isEmpty();
  }
}
