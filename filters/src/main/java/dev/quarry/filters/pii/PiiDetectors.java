package dev.quarry.filters.pii;

import java.util.List;

/** Every detector, one per {@link PiiType}; immutable and shared by all threads. */
public final class PiiDetectors {
  private static final List<PiiDetector> ALL = List.of(new EmailDetector(), new PhoneDetector(),
      new IpAddressDetector(), new CreditCardDetector(), new IbanDetector(), new UsSsnDetector(),
      new SecretDetector());

  private PiiDetectors() {}

  public static List<PiiDetector> all() {
    return ALL;
  }
}
