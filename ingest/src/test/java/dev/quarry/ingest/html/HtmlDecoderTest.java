package dev.quarry.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlDecoderTest {
  private static final String GERMAN = "<p>Grüße, Straße, Äpfel</p>";

  @Test
  void httpCharsetWins() {
    DecodedText d = HtmlDecoder.decodeHtml(GERMAN.getBytes(StandardCharsets.ISO_8859_1),
        "iso-8859-1");
    assertThat(d.text()).isEqualTo(GERMAN);
    assertThat(d.malformed()).isZero();
  }

  @Test
  void metaCharsetIsUsedWhenHttpSaysNothing() {
    String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        + "charset=windows-1251\"></head><body>Привет мир</body></html>";
    DecodedText d = HtmlDecoder.decodeHtml(html.getBytes(Charset.forName("windows-1251")), null);
    assertThat(d.text()).contains("Привет мир");
    assertThat(d.charset()).isEqualTo("windows-1251");
  }

  @Test
  void undeclaredBytesAreUtf8WhenValidElseWindows1252() {
    assertThat(HtmlDecoder.decodeHtml(GERMAN.getBytes(StandardCharsets.UTF_8), null).text())
        .isEqualTo(GERMAN);
    DecodedText latin = HtmlDecoder.decodeHtml(GERMAN.getBytes(StandardCharsets.ISO_8859_1), null);
    assertThat(latin.text()).isEqualTo(GERMAN);
    assertThat(latin.charset()).isEqualTo("windows-1252");
  }

  @Test
  void bomOverridesDeclarations() {
    byte[] body = GERMAN.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertThat(HtmlDecoder.decodeHtml(withBom, "iso-8859-1").text()).isEqualTo(GERMAN);
  }

  @Test
  void invalidSequencesAreReplacedAndCounted() {
    byte[] bytes = {'a', (byte) 0xff, 'b', (byte) 0xc3, 'c'};
    DecodedText d = HtmlDecoder.decodeHtml(bytes, "utf-8");
    assertThat(d.text()).isEqualTo("a\uFFFDb\uFFFDc");
    assertThat(d.malformed()).isEqualTo(2);
    assertThat(d.mostlyInvalid()).isTrue();
    assertThat(new DecodedText("x".repeat(1000), "utf-8", 1).mostlyInvalid()).isFalse();
  }

  @Test
  void unknownCharsetNamesFallBackToSniffing() {
    assertThat(HtmlDecoder.decodeHtml(GERMAN.getBytes(StandardCharsets.UTF_8), "x-no-such")
        .text()).isEqualTo(GERMAN);
  }

  @Test
  void htmlIsRecognisedByTypeOrBySniffingUntypedPayloads() {
    byte[] html = "  <!DOCTYPE html><html></html>".getBytes(StandardCharsets.US_ASCII);
    assertThat(HtmlDecoder.looksLikeHtml("text/html", new byte[0])).isTrue();
    assertThat(HtmlDecoder.looksLikeHtml("application/xhtml+xml", new byte[0])).isTrue();
    assertThat(HtmlDecoder.looksLikeHtml(null, html)).isTrue();
    assertThat(HtmlDecoder.looksLikeHtml("application/octet-stream", html)).isTrue();
    assertThat(HtmlDecoder.looksLikeHtml("application/pdf", html)).isFalse();
    assertThat(HtmlDecoder.looksLikeHtml(null, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
  }
}
