package dev.quarry.filters.pii;

/**
 * The IBAN length of every country in SWIFT's IBAN registry (ISO 13616; the 89 countries of the
 * 2024–2025 releases). Dependent territories that use their parent's IBAN ({@code GF}, {@code
 * GP}, {@code AX}, {@code JE}…) write the parent's code, so they need no row of their own; codes
 * only in "experimental" lists (not the registry) are left out: an IBAN there is not yet an IBAN.
 */
final class IbanCountries {
  private static final String TABLE = """
      AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27
      DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28
      IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22
      MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24
      SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30
      """;
  /** Length by country, indexed {@code (first - 'A') * 26 + (second - 'A')}; 0 = no IBAN. */
  private static final byte[] LENGTHS = new byte[26 * 26];

  static {
    for (String entry : TABLE.trim().split("\\s+")) {
      LENGTHS[index(entry.charAt(0), entry.charAt(1))] = Byte.parseByte(entry.substring(2));
    }
  }

  private IbanCountries() {}

  /** The IBAN length of the country with upper-case code {@code first second}, or 0. */
  static int length(char first, char second) {
    return LENGTHS[index(first, second)];
  }

  private static int index(char first, char second) {
    return (first - 'A') * 26 + (second - 'A');
  }
}
