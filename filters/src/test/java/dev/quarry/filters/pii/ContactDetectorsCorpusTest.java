package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each contact detector alone over the team's whole labelled corpus (positives of every type and
 * the hard negatives): precision and recall of its own type at least 0.98. Prints the table and
 * every error, so a failing run says which lines to look at.
 */
class ContactDetectorsCorpusTest {
  static final double TARGET = 0.98;

  static Stream<PiiDetector> detectors() {
    return Stream.of(new EmailDetector(), new PhoneDetector(), new IpAddressDetector());
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void meetsTheTargetOnTheCorpus(PiiDetector detector) {
    Map<PiiType, PiiEvaluation.Tally> tallies = PiiEvaluation.evaluate((text, context) -> {
      List<PiiSpan> found = new ArrayList<>();
      detector.find(text, context, found);
      return found;
    });
    PiiEvaluation.Tally own = tallies.get(detector.type());
    System.out.println(detector.getClass().getSimpleName() + "\n"
        + PiiEvaluation.table(Map.of(detector.type(), own)) + String.join("\n", own.errors));

    assertThat(own.precision()).as("precision of %s", detector.type()).isGreaterThanOrEqualTo(TARGET);
    assertThat(own.recall()).as("recall of %s", detector.type()).isGreaterThanOrEqualTo(TARGET);
  }
}
