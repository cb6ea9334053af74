package dev.quarry.filters.pii;

import static dev.quarry.filters.pii.DetectorTesting.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IbanDetectorTest {
  private final IbanDetector detector = new IbanDetector();

  @Test
  void findsGroupedAndCompactIbansWithTheirCountry() {
    assertThat(found(detector, "IBAN: DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX"))
        .containsExactly("DE89 3704 0044 0532 0130 00 DE");
    assertThat(found(detector, "Pay to GB82WEST12345698765432."))
        .containsExactly("GB82WEST12345698765432 GB");
    assertThat(found(detector, "iban,amount\nNL91ABNA0417164300,75.50"))
        .containsExactly("NL91ABNA0417164300 NL");
  }

  @Test
  void knowsTheShortestAndLongestCountries() {
    assertThat(found(detector,
        "Norway NO93 8601 1117 947; Russia RU02 0445 2560 0407 0281 0412 3456 7890 1"))
        .containsExactly("NO93 8601 1117 947 NO", "RU02 0445 2560 0407 0281 0412 3456 7890 1 RU");
    assertThat(found(detector, "Saint Lucia LC55 HEMM 0001 0001 0012 0012 0002 3015; Malta "
        + "MT84 MALT 0110 0001 2345 MTLC AST0 01S"))
        .containsExactly("LC55 HEMM 0001 0001 0012 0012 0002 3015 LC",
            "MT84 MALT 0110 0001 2345 MTLC AST0 01S MT");
  }

  @Test
  void findsAnIbanRightAfterCjkText() {
    assertThat(found(detector, "账户DE89370400440532013000。"))
        .containsExactly("DE89370400440532013000 DE");
  }

  @Test
  void rejectsAWrongCheckLengthOrCountry() {
    assertThat(found(detector, "DE89 3704 0044 0532 0130 01 has a typo")).isEmpty();
    assertThat(found(detector, "placeholder DE00 0000 0000 0000 0000 00")).isEmpty();
    assertThat(found(detector, "too short: GB82WEST1234569876543")).isEmpty();
    assertThat(found(detector, "too long: DE89 3704 0044 0532 0130 0012")).isEmpty();
    assertThat(found(detector, "XX89 3704 0044 0532 0130 00 has no country")).isEmpty();
  }

  @Test
  void rejectsOtherShapes() {
    assertThat(found(detector, "lower case de89 3704 0044 0532 0130 00")).isEmpty();
    assertThat(found(detector, "groups of five DE893 70400 44053 20130 00")).isEmpty();
    assertThat(found(detector, "glued xDE89370400440532013000 or DE89370400440532013000x"))
        .isEmpty();
    assertThat(found(detector, "one more group DE89 3704 0044 0532 0130 00 12")).isEmpty();
    assertThat(found(detector, "BIC DEUTDEFFXXX, BLZ 500 700 10")).isEmpty();
  }

  @Test
  void neverThrows() {
    DetectorTesting.assertNeverThrows(detector);
  }
}
