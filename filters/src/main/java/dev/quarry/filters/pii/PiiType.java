package dev.quarry.filters.pii;

import java.util.Locale;

/** The kinds of personal or secret data the scrubber finds. */
public enum PiiType {
  EMAIL, PHONE, IP_ADDRESS, CREDIT_CARD, IBAN, US_SSN, SECRET;

  /** The name in configuration, attrs and stats: {@code email}, {@code ip_address}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The typed placeholder {@code redact} writes, e.g. {@code <EMAIL>}. */
  public String placeholder() {
    return "<" + name() + ">";
  }

  /** The type configured as {@code key}, or an error naming the known ones. */
  public static PiiType ofKey(String key) {
    for (PiiType type : values()) {
      if (type.key().equals(key)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown PII type '" + key + "'; known: "
        + java.util.Arrays.stream(values()).map(PiiType::key).toList());
  }
}
