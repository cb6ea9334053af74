package dev.quarry.filters.pii;

import static dev.quarry.filters.pii.DetectorTesting.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCardDetectorTest {
  private final CreditCardDetector detector = new CreditCardDetector();

  @Test
  void findsEachBrandInItsPrintedGrouping() {
    assertThat(found(detector, "Visa 4111 1111 1111 1111, exp 09/27"))
        .containsExactly("4111 1111 1111 1111 visa");
    assertThat(found(detector, "Discover: 6011-0009-9013-9424."))
        .containsExactly("6011-0009-9013-9424 discover");
    assertThat(found(detector, "Amex 3782 822463 10005 and Diners 3622 720627 1667"))
        .containsExactly("3782 822463 10005 amex", "3622 720627 1667 diners");
    assertThat(found(detector, "2-series 2223003122003222; classic 5555555555554444"))
        .containsExactly("2223003122003222 mastercard", "5555555555554444 mastercard");
    assertThat(found(detector, "JCB 3566002020360505, UnionPay 6205 5000 0000 0000 004"))
        .containsExactly("3566002020360505 jcb", "6205 5000 0000 0000 004 unionpay");
    assertThat(found(detector,
        "Maestro 6759649826438453, 12 digits 501800000009, Мир 2200000000000004"))
        .containsExactly("6759649826438453 maestro", "501800000009 maestro",
            "2200000000000004 mir");
    assertThat(found(detector, "old Visa 4222222222222, long Visa 4917610000000000003"))
        .containsExactly("4222222222222 visa", "4917610000000000003 visa");
  }

  @Test
  void findsCardsInCsvJsonAndCjkText() {
    assertThat(found(detector, "id,card,exp\n1,4012888888881881,03/27"))
        .containsExactly("4012888888881881 visa");
    assertThat(found(detector, "{\"pan\":\"4012888888881881\"}"))
        .containsExactly("4012888888881881 visa");
    assertThat(found(detector, "卡号4012888888881881已绑定")).containsExactly("4012888888881881 visa");
  }

  @Test
  void rejectsNumbersThatFailLuhnOrTheBrandsLength() {
    assertThat(found(detector, "4111 1111 1111 1110 fails Luhn")).isEmpty();
    assertThat(found(detector, "4444 4444 4444 4444 and 0000 0000 0000 0000")).isEmpty();
    assertThat(found(detector,
        "15-digit Visa 411100000000001, 19-digit Mastercard 5555000000000000008"))
        .isEmpty();
    assertThat(found(detector, "no brand: 5610000000000001, 2721000000000004")).isEmpty();
  }

  @Test
  void rejectsPiecesOfLongerNumbers() {
    assertThat(found(detector, "tracking 4111 1111 1111 1111 2222")).isEmpty();
    assertThat(found(detector, "qty 12 4111 1111 1111 1111")).isEmpty();
    assertThat(found(detector, "mixed 4111 1111-1111 1111")).isEmpty();
    assertThat(found(detector, "odd groups 41 1111 1111 1111 11")).isEmpty();
    assertThat(found(detector, "x = 0.4012888888881881 or 4012888888881881.5")).isEmpty();
    assertThat(found(detector, "call +4012888888881881")).isEmpty();
  }

  @Test
  void rejectsNumbersGluedToWords() {
    assertThat(found(detector, "hash d4012888888881881e and id_4012888888881881")).isEmpty();
    assertThat(found(detector, "0x4012888888881881 4012888888881881ab")).isEmpty();
  }

  @Test
  void neverThrows() {
    DetectorTesting.assertNeverThrows(detector);
  }
}
