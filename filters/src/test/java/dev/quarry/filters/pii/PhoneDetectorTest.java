package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneDetectorTest {
  private final PhoneDetector detector = new PhoneDetector();

  private List<String> found(String text, String lang) {
    return DetectorProbe.found(detector, text, lang);
  }

  @Test
  void findsInternationalNumbersInAnyTextWithTheirRegion() {
    assertThat(found("Our northern branch: +44 131 496 0047.", "eng"))
        .containsExactly("+44 131 496 0047/GB");
    assertThat(found("Contact: tel. +44 (0)161 496 0249, weekdays", null))
        .containsExactly("+44 (0)161 496 0249/GB");
    assertThat(found("Aus dem Ausland: 0049 69 7757705.", "deu"))
        .containsExactly("0049 69 7757705/DE");
    assertThat(found("<a href=\"tel:+1-305-555-0102\">Call now</a>", "zxx"))
        .containsExactly("+1-305-555-0102/US");
    assertThat(found("stored as +441614960376 in our CRM", "eng"))
        .containsExactly("+441614960376/GB");
    assertThat(found("Reach our Canadian office at +1 (780) 555-0125 or", "eng"))
        .containsExactly("+1 (780) 555-0125/CA");
  }

  @Test
  void aUsOrBritishNationalNumberOnAnotherLanguagesPageNeedsAPhoneWordAndItsExactGroups() {
    assertThat(found("✉ marie@example.org · ☎ (202) 555-0182 · IP 198.51.100.23", "jpn"))
        .containsExactly("(202) 555-0182/US");
    assertThat(found("✉ marie@example.org · ☎ (202) 555-0182 · IP 198.51.100.23", null))
        .containsExactly("(202) 555-0182/US");
    assertThat(found("お問い合わせ: 電話 202-555-0147", "jpn"))
        .containsExactly("202-555-0147/US");
    assertThat(found("📞 020 7946 0123", null)).containsExactly("020 7946 0123/GB");
    assertThat(found("code (202) 555-0182 in the table", null)).isEmpty();
    assertThat(found("☎ 2025550182", null)).isEmpty();
    assertThat(found("☎ 20 2555 0182", null)).isEmpty();
  }

  @Test
  void findsNationalNumbersInTheRegionsOfTheLanguage() {
    assertThat(found("Call our front desk at (404) 555-0174 between 9 and 5.", "eng"))
        .containsExactly("(404) 555-0174/US");
    assertThat(found("If you are calling from the UK, dial 0131 496 0403.", "eng"))
        .containsExactly("0131 496 0403/GB");
    assertThat(found("Tel.: 0221/5670248, Fax: 0221/2467997", "deu"))
        .containsExactly("0221/5670248/DE", "0221/2467997/DE");
    assertThat(found("Telefon Schweiz: 079 980 88 95", "deu")).containsExactly("079 980 88 95/CH");
    assertThat(found("Tél. : 06.87.26.75.10 – laissez un message", "fra"))
        .containsExactly("06.87.26.75.10/FR");
    assertThat(found("Звоните 8 (352) 903-20-25 с 9:00", "rus"))
        .containsExactly("8 (352) 903-20-25/RU");
    assertThat(found("担当者の携帯：090-2098-0338（平日）", "jpn"))
        .containsExactly("090-2098-0338/JP");
    assertThat(found("如需帮助请拨打客服手机 145 2487 4938。", "cmn"))
        .containsExactly("145 2487 4938/CN");
    assertThat(found("Appelez le 01-23-45-67-89 ou le 01 99 00 37 22", "fra"))
        .containsExactly("01-23-45-67-89/FR", "01 99 00 37 22/FR");
    assertThat(found("Call 1-800-555-0199 toll free", "eng")).containsExactly("1-800-555-0199/US");
    // 912 345 678 is how Spaniards write it; Peru formats it so too, but Spain comes first
    assertThat(found("Llámanos al 912 345 678 o al 612 34 56 78", "spa"))
        .containsExactly("912 345 678/ES", "612 34 56 78/ES");
    // Ireland comes before South Africa, but only South Africa groups it 3-3-4
    assertThat(found("Contact our branch on 014 197 2595 during business hours.", "eng"))
        .containsExactly("014 197 2595/ZA");
    assertThat(found("Das Büro: (030) 1654 0724.", "deu")).containsExactly("(030) 1654 0724/DE");
    // TV's fictional (555) numbers are invalid in the US; the British reading groups it 5-6
    assertThat(found("Mill Creek (555) 010-4471", "eng")).isEmpty();
    // a valid Spanish mobile number without a phone word or its grouping is a count
    assertThat(found("Tenemos 612 345 678 clientes", "spa")).isEmpty();
    // the same national number means nothing in a language without the region
    assertThat(found("Rufen Sie uns an unter 089 22652068.", "jpn")).isEmpty();
    assertThat(found("Rufen Sie uns an unter 089 22652068.", null)).isEmpty();
  }

  @Test
  void theUrlsCountryAddsItsRegionFirst() {
    assertThat(DetectorProbe.found(detector, "Hotline 089 22652068", null,
        "https://www.example.de/kontakt")).containsExactly("089 22652068/DE");
    assertThat(PhoneRegions.of(new PiiContext("deu", "https://shop.example.ch/x")))
        .containsExactly("CH", "DE", "AT");
    assertThat(PhoneRegions.urlRegion("http://user@news.example.co.uk:8080/a")).isEqualTo("GB");
    assertThat(PhoneRegions.urlRegion("https://example.com/")).isNull();
    assertThat(PhoneRegions.urlRegion("http://[::1]:80/")).isNull();
    assertThat(PhoneRegions.urlRegion("not a url")).isNull();
  }

  @Test
  void aNumberInOneBlockNeedsAPhoneWord() {
    assertThat(found("Telefon: 03016540724", "deu")).containsExactly("03016540724/DE");
    assertThat(found("Kundennummer 03016540724", "deu")).isEmpty();
    assertThat(found("Ihre Bestellnummer lautet 400128837.", "deu")).isEmpty();
  }

  @Test
  void anIdentifierWordNearerThanAPhoneWordWins() {
    assertThat(found("Questions about your order? Text us at 615-555-0109.", "eng"))
        .containsExactly("615-555-0109/US");
    assertThat(found("Call us about order no. 0131 496 0403", "eng")).isEmpty();
    // identifier words are whole: Kundenservice is no Kundennummer, Building no build number
    assertThat(found("Unser Kundenservice: 030 16540724", "deu"))
        .containsExactly("030 16540724/DE");
    assertThat(found("Building A reception: 0131 496 0403", "eng"))
        .containsExactly("0131 496 0403/GB");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Das Firmenjubiläum war am 12.10.1998, die Neueröffnung am 01.09.2023.|deu",
      "El plazo de inscripción termina el 30-04-2025.|spa",
      "## [3.4.1.0] - 2024-05-02|deu",
      "Rechnungsnummer RE-2025-00412 vom 03.02.2025.|deu",
      "El registro muestra 2024-07-04 23:59:59.999999 como última escritura.|spa",
      "Chrome 124.0.6367.91 (Official Build)|por",
      "The Android build number is TQ3A.230901.001.|pol",
      "Date: Mon Mar 4 10:12:33 2024 +0100|deu",
      "Treffpunkt: 52.520008, 13.404954 (vor dem Haupteingang).|deu",
      "UTM 33U 389420 5819540 is the grid reference.|pol",
      "ISBN-13 978-0-306-40615-7 and ISBN-10 0-306-40615-2.|eng",
      "ISBN 90-274-3964-4 (eerste druk).|nld",
      "Mail it to PO Box 1234, Springfield, IL 62701-1234.|spa",
      "CEP 01310-100, Avenida Paulista, São Paulo.|por",
      "UPC 036000291452 — the classic example barcode.|deu",
      "Employer Identification Number (EIN): 12-3456789.|pol",
      "The form rejected 666-57-2343 because area 666 is never assigned.|spa",
      "O código 666-86-7509 é só um exemplo inválido.|spa",
      "1.000.000.000 Euro (eine Milliarde) wurden investiert.|cmn",
      "The SNMP OID 1.3.6.1.2.1.1.3.0 returns the uptime.|pol",
      "Vgl. DOI: 10.1007/978-3-662-48756-2_12 für die Herleitung.|deu",
      "Referencia: https://doi.org/10.1016/j.cell.2019.11.017|spa",
      "DOI 10.24425/aep.2021.137276, otwarty dostęp.|pol",
      "Server 192.168.184.248 and 10.208.193.31|eng",
      "Card 4111 1111 1111 1111 and amex 3782 822463 10005|eng",
      "IBAN DE89 3704 0044 0532 0130 00|deu",
      "The invalid test number +1 555 123 4567 is rejected.|eng",
      "Vertragsnummer 0 031 552 408, Kundennummer 10 884 271.|deu",
      "Résultat : 1 048 576 × 2 = 2 097 152.|fra",
      "Swift BIC: DEUTDEFFXXX, BLZ 500 700 10|deu",
      "{\"ts\": 1718031600000, \"order_id\": 1884120937}|eng",
      "Einwohnerzahl: 3.878.100 (Stand 2023), Preis 4.815.162,42 €|deu",
      "Part no. 123-4567-X9 and catalogue number 55-1234-56A|eng",
      "Sendungsnummer 00340434161094042557 (DHL Paket).|deu",
      "Numero d'ordine 0056201883, consegna prevista giovedì.|ita",
      "Wynik: 51234 5678 punktów i 51234/5678 w drugiej rundzie.|pol",
      "比例为 8915/5409，另一组 2189/1682。|cmn",
      "Les scores : 00 63 24 52 73 et 00 49 30 12 34.|fra",
  })
  void datesIdentifiersAndNumbersAreNotPhones(String text, String lang) {
    assertThat(found(text, lang)).isEmpty();
  }

  @Test
  void aNumberInsideALongerRunIsNone() {
    assertThat(found("Call 0131 496 0403 1234 5678 now", "eng")).isEmpty();
    assertThat(found("ref 12-0131 496 0403", "eng")).isEmpty();
    assertThat(found("id0131 496 0403", "eng")).isEmpty();
  }

  @Test
  void groupingIsComparedWithTheRegionsFormat() {
    PhoneCandidate written = PhoneCandidate.read("0221 5670248", 0);
    assertThat(PhoneDetector.groupedAsFormatted(written, "0221 5670248")).isTrue();
    assertThat(PhoneDetector.groupedAsFormatted(written, "0221 567 0248")).isFalse();
    assertThat(PhoneDetector.groupedAsFormatted(written, "02 215 670 248")).isFalse();
  }

  @Test
  void neverThrowsAndStaysLinear() {
    DetectorProbe.assertNeverThrowsAndStaysLinear(detector, null, "eng", "deu", "cmn");
  }
}
