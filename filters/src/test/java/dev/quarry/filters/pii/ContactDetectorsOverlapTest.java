package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where one contact value holds what looks like another, only the detector of the value as a
 * whole claims it; the scrubber resolves any remaining cross-type overlap by the longest span.
 */
class ContactDetectorsOverlapTest {
  private final EmailDetector email = new EmailDetector();
  private final PhoneDetector phone = new PhoneDetector();
  private final IpAddressDetector ip = new IpAddressDetector();

  private List<String> all(String text) {
    List<String> found = new ArrayList<>();
    for (PiiDetector detector : List.of(email, phone, ip)) {
      DetectorProbe.found(detector, text, "eng").forEach(v -> found.add(detector.type() + " " + v));
    }
    return found;
  }

  @Test
  void aPhoneNumberAsTheLocalPartIsPartOfTheAddress() {
    assertThat(all("Text +4915112345678@sms.example.com to subscribe"))
        .containsExactly("EMAIL 4915112345678@sms.example.com/plain");
  }

  @Test
  void anAddressLiteralAfterAtIsAnIpAddressNotAnEmail() {
    assertThat(all("mail root@10.20.30.40 or root@[192.168.10.20]"))
        .containsExactly("IP_ADDRESS 10.20.30.40/private", "IP_ADDRESS 192.168.10.20/private");
  }

  @Test
  void dottedAddressesAreNoPhoneNumbersAndPortsNoPartOfAddresses() {
    assertThat(all("Server 192.168.178.100:8080 and [2001:db8:85a3::8a2e:370:7334]:443"))
        .containsExactly("IP_ADDRESS 192.168.178.100/private",
            "IP_ADDRESS 2001:db8:85a3::8a2e:370:7334/documentation");
  }

  @Test
  void aFooterHoldsEachValueOnce() {
    assertThat(all("Kontakt: info@example.de · Tel. +49 30 16540724 · IP 203.0.113.7"))
        .containsExactly("EMAIL info@example.de/plain", "PHONE +49 30 16540724/DE",
            "IP_ADDRESS 203.0.113.7/documentation");
  }
}
