package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each detector alone over the team's whole labelled corpus (positives of every type and the
 * hard negatives): precision and recall of its own type at least 0.98, and its spans against the
 * labels — the contact detectors find their values with exactly the labelled span and the
 * labelled qualifier as detail (the region, the range, plain or obfuscated); every span of the
 * card, IBAN, SSN and secret detectors that covers a gold value has exactly its bounds and a
 * detail (brand, country, kind) equal to its qualifier. Prints the table and every error, so a
 * failing run says which lines to look at.
 */
class DetectorsCorpusTest {
  static final double TARGET = 0.98;

  static Stream<PiiDetector> contactDetectors() {
    return Stream.of(new EmailDetector(), new PhoneDetector(), new IpAddressDetector());
  }

  static Stream<PiiDetector> numberDetectors() {
    return Stream.of(new CreditCardDetector(), new IbanDetector(), new UsSsnDetector(),
        new SecretDetector());
  }

  static Stream<PiiDetector> allDetectors() {
    return Stream.concat(contactDetectors(), numberDetectors());
  }

  private static List<PiiSpan> found(PiiDetector detector, String text, PiiContext context) {
    List<PiiSpan> found = new ArrayList<>();
    detector.find(text, context, found);
    return found;
  }

  @ParameterizedTest
  @MethodSource("allDetectors")
  void meetsTheTargetOnTheCorpus(PiiDetector detector) {
    Map<PiiType, PiiEvaluation.Tally> tallies =
        PiiEvaluation.evaluate((text, context) -> found(detector, text, context));
    PiiEvaluation.Tally own = tallies.get(detector.type());
    System.out.println(detector.getClass().getSimpleName() + "\n"
        + PiiEvaluation.table(Map.of(detector.type(), own)) + String.join("\n", own.errors));

    assertThat(own.precision()).as("precision of %s", detector.type())
        .isGreaterThanOrEqualTo(TARGET);
    assertThat(own.recall()).as("recall of %s", detector.type()).isGreaterThanOrEqualTo(TARGET);
  }

  @ParameterizedTest
  @MethodSource("contactDetectors")
  void findsTheLabelledSpanWithTheLabelledDetail(PiiDetector detector) {
    int exact = 0;
    List<String> errors = new ArrayList<>();
    for (PiiCorpus.Example example : PiiCorpus.positives()) {
      List<PiiSpan> found = found(detector, example.text(),
          new PiiContext(example.lang(), null));
      for (PiiCorpus.Gold gold : example.gold()) {
        if (gold.type() != detector.type()) {
          continue;
        }
        PiiSpan same = found.stream().filter(span -> span.start() == gold.start()
            && span.end() == gold.end() && span.detail().equals(gold.qualifier()))
            .findFirst().orElse(null);
        if (same != null) {
          exact++;
        } else {
          errors.add(example.source() + ": '" + example.text().substring(gold.start(), gold.end())
              + "' " + gold.qualifier() + ", found " + found.stream().map(span -> "'"
              + example.text().substring(span.start(), span.end()) + "' " + span.detail())
              .toList());
        }
      }
    }
    System.out.println(detector.getClass().getSimpleName() + ": " + exact + " exact, "
        + errors.size() + " not\n" + String.join("\n", errors));

    assertThat((double) exact / (exact + errors.size())).as("exact spans and details of %s",
        detector.type()).isGreaterThanOrEqualTo(TARGET);
  }

  @ParameterizedTest
  @MethodSource("numberDetectors")
  void spansHaveTheGoldBoundsAndQualifiers(PiiDetector detector) {
    List<String> mismatches = new ArrayList<>();
    for (PiiCorpus.Example example : PiiCorpus.positives()) {
      List<PiiSpan> found = found(detector, example.text(),
          new PiiContext(example.lang(), null));
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
