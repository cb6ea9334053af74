package dev.quarry.filters.pii;

import static dev.quarry.filters.pii.DetectorTesting.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsSsnDetectorTest {
  private final UsSsnDetector detector = new UsSsnDetector();

  @Test
  void findsTheDashedFormWithOrWithoutContext() {
    assertThat(found(detector, "SSN: 437-10-0214")).containsExactly("437-10-0214 dashed");
    assertThat(found(detector, "We have 437-10-0214 on file."))
        .containsExactly("437-10-0214 dashed");
    assertThat(found(detector, "ssn,visit\n015-81-5255,2024-02-11"))
        .containsExactly("015-81-5255 dashed");
  }

  @Test
  void findsSpacedAndBareFormsOnlyNextToAnSsnWord() {
    assertThat(found(detector, "Employee SSN 383 99 0357, start date")).containsExactly(
        "383 99 0357 spaced");
    assertThat(found(detector, "Enter your SSN without dashes: 219630743"))
        .containsExactly("219630743 bare");
    assertThat(found(detector, "219630743 (SSNs are never shared)"))
        .containsExactly("219630743 bare");
    assertThat(found(detector, "el número de seguro social 442982568"))
        .containsExactly("442982568 bare");
    assertThat(found(detector, "社会安全号码 034798447")).containsExactly("034798447 bare");

    assertThat(found(detector, "Order number 109283746 has shipped")).isEmpty();
    assertThat(found(detector, "Room 383 99 0357")).isEmpty();
    assertThat(found(detector, "classnames 383 99 0357 and 219630743")).isEmpty();
  }

  @Test
  void appliesTheSsaRules() {
    assertThat(found(detector, "SSN 000-12-3456, 666-12-3456, 900-12-3456, 999-12-3456")).isEmpty();
    assertThat(found(detector, "SSN 123-00-4567 and 123-45-0000")).isEmpty();
    assertThat(found(detector, "SSN 734-12-3456 and 899-12-3456"))
        .containsExactly("734-12-3456 dashed", "899-12-3456 dashed");
  }

  @Test
  void rejectsNumbersMadeVoidByPublication() {
    assertThat(found(detector, "SSN 078-05-1120, SSN 219-09-9999, SSN 123-45-6789")).isEmpty();
  }

  @Test
  void rejectsPiecesOfLongerNumbersAndOtherShapes() {
    assertThat(found(detector, "1-437-10-0214 and 437-10-0214-5 and 437-10-02145")).isEmpty();
    assertThat(found(detector, "A437-10-0214 437-10-0214.5 1/437-10-0214")).isEmpty();
    assertThat(found(detector, "SSN +49 301 23 4567")).isEmpty();
    assertThat(found(detector, "EIN 12-3456789, ZIP 10118-0110, CAS 7732-18-5")).isEmpty();
  }

  @Test
  void rejectsDashedNumbersLabelledAsSomethingElse() {
    assertThat(found(detector, "Part no. 437-10-0214 fits the bracket")).isEmpty();
    assertThat(found(detector, "ext. 437-10-0214, Lot 437-10-0215")).isEmpty();
    assertThat(found(detector, "Case file, SSN 437-10-0214")).containsExactly("437-10-0214 dashed");
  }

  @Test
  void neverThrows() {
    DetectorTesting.assertNeverThrows(detector);
  }
}
