package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The card, IBAN, SSN and secret detectors over the team's whole labelled corpus: precision and
 * recall of each detector's type at least 0.98, and every span that covers a gold value has
 * exactly its bounds and a detail (brand, country, kind) equal to its qualifier. Prints the table
 * and every error.
 */
class NumberDetectorsCorpusTest {
  private static final double TARGET = 0.98;

  static Stream<PiiDetector> detectors() {
    return Stream.of(new CreditCardDetector(), new IbanDetector(), new UsSsnDetector(),
        new SecretDetector());
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void meetsPrecisionAndRecallOnTheCorpus(PiiDetector detector) {
    Map<PiiType, PiiEvaluation.Tally> tallies = PiiEvaluation.evaluate((text, context) -> {
      List<PiiSpan> found = new ArrayList<>();
      detector.find(text, context, found);
      return found;
    });
    PiiEvaluation.Tally tally = tallies.get(detector.type());
    System.out.println(detector.getClass().getSimpleName() + "\n" + PiiEvaluation.table(
        Map.of(detector.type(), tally)));
    tally.errors.forEach(error -> System.out.println("  " + error));

    assertThat(tally.precision()).as("precision of %s", detector.type())
        .isGreaterThanOrEqualTo(TARGET);
    assertThat(tally.recall()).as("recall of %s", detector.type())
        .isGreaterThanOrEqualTo(TARGET);
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void spansHaveTheGoldBoundsAndQualifiers(PiiDetector detector) {
    List<String> mismatches = new ArrayList<>();
    for (PiiCorpus.Example example : PiiCorpus.positives()) {
      List<PiiSpan> found = new ArrayList<>();
      detector.find(example.text(), new PiiContext(example.lang(), null), found);
      for (PiiCorpus.Gold gold : example.gold()) {
        if (gold.type() != detector.type()) {
          continue;
        }
        String expected = detector.type() == PiiType.IBAN
            ? example.text().substring(gold.start(), gold.start() + 2) : gold.qualifier();
        for (PiiSpan span : found) {
          boolean covers = span.start() <= gold.start() && span.end() >= gold.end();
          boolean exact = span.start() == gold.start() && span.end() == gold.end();
          if (covers && (!exact || expected != null && !expected.equals(span.detail()))) {
            mismatches.add(example.source() + ": " + span + " for " + gold);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }
}
