package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PiiScrubberTest {
  /** A detector by pattern, for testing the scrubber alone. */
  record PatternDetector(PiiType type, Pattern pattern, String detail) implements PiiDetector {
    @Override
    public void find(String text, PiiContext context, List<PiiSpan> out) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        out.add(new PiiSpan(type, m.start(), m.end(), detail));
      }
    }
  }

  static final List<PiiDetector> DETECTORS = List.of(
      new PatternDetector(PiiType.EMAIL, Pattern.compile("[a-z]+@mail\\.test"), "plain"),
      new PatternDetector(PiiType.IP_ADDRESS, Pattern.compile("10\\.0\\.0\\.\\d+"), "private"),
      new PatternDetector(PiiType.IP_ADDRESS, Pattern.compile("8\\.8\\.\\d+\\.\\d+"), "public"),
      new PatternDetector(PiiType.SECRET, Pattern.compile("key-[A-Za-z0-9]+(@mail\\.test)?"),
          "key_value"));

  static PiiScrubber scrubber(Map<PiiType, PiiAction> actions, Set<String> keptRanges) {
    return new PiiScrubber(DETECTORS, actions, keptRanges,
        "k".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void redactsWithTypedPlaceholdersAndReportsNewSpans() {
    PiiScrubber.Result r = scrubber(Map.of(), Set.of())
        .scrub("Mail ann@mail.test or 8.8.4.4 now", PiiContext.NONE);
    assertThat(r.text()).isEqualTo("Mail <EMAIL> or <IP_ADDRESS> now");
    assertThat(r.counts()).containsEntry(PiiType.EMAIL, 1).containsEntry(PiiType.IP_ADDRESS, 1);
    assertThat(r.spans()).extracting(s -> r.text().substring(s.start(), s.end()))
        .containsExactly("<EMAIL>", "<IP_ADDRESS>");
  }

  @Test
  void replacesTheSameValueWithTheSameFakeWithinADocument() {
    PiiScrubber.Result r = scrubber(Map.of(PiiType.EMAIL, PiiAction.REPLACE), Set.of())
        .scrub("ann@mail.test, bob@mail.test, ann@mail.test", PiiContext.NONE);
    assertThat(r.text())
        .isEqualTo("person1@example.com, person2@example.com, person1@example.com");
    assertThat(r.total()).isEqualTo(3);
  }

  @Test
  void hashesWithTheKeyAndNeverShowsTheValue() {
    String text = "ann@mail.test and ann@mail.test";
    PiiScrubber.Result r = scrubber(Map.of(PiiType.EMAIL, PiiAction.HASH), Set.of())
        .scrub(text, PiiContext.NONE);
    assertThat(r.text()).matches("<EMAIL:[0-9a-f]{16}> and <EMAIL:[0-9a-f]{16}>")
        .doesNotContain("ann");
    String[] hashes = r.text().split(" and ");
    assertThat(hashes[0]).isEqualTo(hashes[1]);
    PiiScrubber otherKey = new PiiScrubber(DETECTORS, Map.of(PiiType.EMAIL, PiiAction.HASH),
        Set.of(), "other".getBytes(StandardCharsets.UTF_8));
    assertThat(otherKey.scrub(text, PiiContext.NONE).text()).isNotEqualTo(r.text());
    assertThatThrownBy(() -> new PiiScrubber(DETECTORS, Map.of(PiiType.EMAIL, PiiAction.HASH),
        Set.of(), null)).hasMessageContaining("key");
  }

  @Test
  void keptIpRangesAndKeptTypesStayAndAreNotCounted() {
    PiiScrubber.Result r = scrubber(Map.of(PiiType.EMAIL, PiiAction.KEEP), Set.of("private"))
        .scrub("ann@mail.test 10.0.0.7 8.8.8.8", PiiContext.NONE);
    assertThat(r.text()).isEqualTo("ann@mail.test 10.0.0.7 <IP_ADDRESS>");
    assertThat(r.counts()).containsOnlyKeys(PiiType.IP_ADDRESS);
  }

  @Test
  void overlappingSpansTakeTheFirstThenTheLongest() {
    PiiScrubber.Result r = scrubber(Map.of(), Set.of())
        .scrub("token key-abc@mail.test end", PiiContext.NONE);
    assertThat(r.text()).isEqualTo("token <SECRET> end");
    assertThat(r.counts()).containsOnlyKeys(PiiType.SECRET);
  }

  @Test
  void textWithoutPiiComesBackAsItWas() {
    String text = "nothing to see";
    PiiScrubber.Result r = scrubber(Map.of(), Set.of()).scrub(text, PiiContext.NONE);
    assertThat(r.text()).isSameAs(text);
    assertThat(r.total()).isZero();
  }

  @Test
  void fakesComeFromReservedRanges() {
    assertThat(Fakes.fake(PiiType.IP_ADDRESS, "8.8.8.8", 3)).isEqualTo("192.0.2.3");
    assertThat(Fakes.fake(PiiType.IP_ADDRESS, "2001:4860::8888", 3)).isEqualTo("2001:db8::3");
    assertThat(Fakes.fake(PiiType.PHONE, "+49 30 123456", 7)).isEqualTo("+1 202-555-0107");
    assertThat(Fakes.fake(PiiType.US_SSN, "123-45-6789", 2)).startsWith("000-");
    assertThat(Fakes.fake(PiiType.SECRET, "AKIA1234ABCD", 1)).isEqualTo("xxxx0000xxxx");
  }
}
