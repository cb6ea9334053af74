package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the detector tests share: findings as {@code "value detail"} strings, hostile texts. */
final class DetectorTesting {
  private static final int MB = 1024 * 1024;

  private DetectorTesting() {}

  /** Each span {@code detector} finds in {@code text}, as its value, a space and its detail. */
  static List<String> found(PiiDetector detector, String text) {
    List<PiiSpan> spans = new ArrayList<>();
    detector.find(text, PiiContext.NONE, spans);
    return spans.stream()
        .map(span -> text.substring(span.start(), span.end()) + " " + span.detail())
        .toList();
  }

  /** Texts that break careless scanners: huge runs of trigger characters, broken UTF-16. */
  static Map<String, String> hostileTexts() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("empty", "");
    texts.put("whitespace", " \t\n\r\n  \u00a0\u3000\u2028\n\n");
    texts.put("1 MB of digits", "7".repeat(MB));
    texts.put("1 MB of grouped digits", "4111 ".repeat(MB / 5));
    texts.put("1 MB of SSN-shaped numbers", "SSN 123 45 6789 ".repeat(MB / 16));
    texts.put("1 MB of '='", "=".repeat(MB));
    texts.put("1 MB of ':'", ":".repeat(MB));
    texts.put("1 MB of key assignments", "api_key=".repeat(MB / 8));
    texts.put("1 MB of -----BEGIN", "-----BEGIN".repeat(MB / 10));
    texts.put("1 MB of private-key armour", "-----BEGIN RSA PRIVATE KEY-----\n".repeat(MB / 32));
    texts.put("a key with no end", "-----BEGIN PRIVATE KEY-----\n"
        + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n".repeat(MB / 33));
    texts.put("1 MB of AKIA", "AKIA".repeat(MB / 4));
    texts.put("1 MB of ://", "://".repeat(MB / 3));
    texts.put("1 MB of IBAN starts", "DE89 ".repeat(MB / 5));
    texts.put("1 MB of Bearer", "Bearer ".repeat(MB / 7));
    texts.put("lone surrogates", "\uD800".repeat(1000) + "4111 1111 1111 1111"
        + "\uDC00".repeat(1000) + " \uD800SSN 078-05-1120\uDC00 DE89\uD800");
    texts.put("right-to-left",
        "رقم البطاقة ٤١١١ 4111111111111111 \u202Eحساب DE89370400440532013000");
    texts.put("combining marks", "4\u0301111 1111 1111 1111 A\u0308KIA SSN 1\u033223-45-6789");
    texts.put("ends mid-value", "IBAN DE89 3704 0044 0532 0130 0");
    texts.put("ends after a prefix", "password=\"abc");
    return texts;
  }

  /** {@code detector} finds spans inside the text and throws on none of the hostile texts. */
  static void assertNeverThrows(PiiDetector detector) {
    hostileTexts().forEach((name, text) -> assertThatCode(() -> {
      List<PiiSpan> spans = new ArrayList<>();
      detector.find(text, PiiContext.NONE, spans);
      detector.find(text, new PiiContext("ara", "https://example.com/"), spans);
      assertThat(spans)
          .allMatch(span -> span.end() <= text.length() && span.type() == detector.type());
    }).as(name).doesNotThrowAnyException());
  }
}
