package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Runs a detector on small texts for tests: what it finds, written as {@code value/detail}. */
final class DetectorProbe {
  private DetectorProbe() {}

  /** Every span found in {@code text}, in text order, as {@code value/detail}. */
  static List<String> found(PiiDetector detector, String text, String lang, String url) {
    List<PiiSpan> spans = new ArrayList<>();
    detector.find(text, new PiiContext(lang, url), spans);
    spans.sort(Comparator.comparingInt(PiiSpan::start));
    List<String> values = new ArrayList<>();
    for (PiiSpan span : spans) {
      if (span.type() != detector.type()) {
        throw new AssertionError("span of another type: " + span);
      }
      values.add(text.substring(span.start(), span.end()) + "/" + span.detail());
    }
    return values;
  }

  static List<String> found(PiiDetector detector, String text, String lang) {
    return found(detector, text, lang, null);
  }

  /**
   * Texts no detector may throw on or take long over: empty, white space, 1 MB runs of the
   * characters detectors look for, lone surrogates, RTL and combining marks, random Unicode.
   */
  static List<String> hostileTexts() {
    List<String> texts = new ArrayList<>(List.of("", " ", " \t\n\r\u00a0\u3000\u2028",
        "@".repeat(1 << 20), "7".repeat(1 << 20), ".".repeat(1 << 20), ":".repeat(1 << 20),
        "a@".repeat(1 << 19), "1.".repeat(1 << 19), "1:".repeat(1 << 19), "ab:".repeat(1 << 18),
        "+1 ".repeat(1 << 18), "(1) ".repeat(1 << 18), "12-".repeat(1 << 18),
        "x@y.".repeat(1 << 18), " at x dot ".repeat(1 << 16), "[at](dot)".repeat(1 << 16),
        "a.".repeat(1 << 19) + "@" + "b.".repeat(1 << 19),
        "\uD800".repeat(1000) + "a@b.com" + "\uDC00".repeat(1000) + " \uD800",
        "\u05E9\u05DC\u05D5\u05DD user@example.com \u202E+49 30 1234567\u202C"
            + " \u0645\u0631\u062D\u0628\u0627",
        "e\u0301\u0301@\u0308example.com 1\u0301.2.3.4 +4\u03009 30 12345678",
        "192.168.0.1@", "@192.168.0.1", "::", ":::", "::ffff:", "+", "(", "(0)", "00",
        "tel:", "Tel. +", "\uFF20", "x\uFF20", "[at]", " at ", " dot "));
    Random random = new Random(20261123);
    StringBuilder noise = new StringBuilder();
    String alphabet = "0123456789abcdef.:@+-()[] /\u00A0\uFF20xyz";
    for (int i = 0; i < 200_000; i++) {
      noise.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x10000)
          : alphabet.charAt(random.nextInt(alphabet.length())));
    }
    texts.add(noise.toString());
    return texts;
  }

  /**
   * Runs the detector over every {@link #hostileTexts hostile text} in each language: no
   * exception, and no text takes seconds (a scan that went quadratic on 1 MB would take minutes).
   */
  static void assertNeverThrowsAndStaysLinear(PiiDetector detector, String... langs) {
    for (String text : hostileTexts()) {
      long start = System.nanoTime();
      assertThatCode(() -> {
        for (String lang : langs) {
          found(detector, text, lang);
        }
      }).as("text of %d chars", text.length()).doesNotThrowAnyException();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("text of %d chars", text.length())
          .isLessThan(Duration.ofSeconds(5));
    }
    assertThatCode(() -> {
      detector.find(null, null, new ArrayList<>());
      detector.find("+49 30 16540724, 10.0.0.138, a@b.example", null, new ArrayList<>());
    }).as("null text or context").doesNotThrowAnyException();
  }
}
