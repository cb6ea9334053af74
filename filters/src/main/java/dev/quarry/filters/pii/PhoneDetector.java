package dev.quarry.filters.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Finds phone numbers that libphonenumber validates, with the number's region as detail
 * ({@code DE}). Validity alone is far too weak (every 8-digit run is a valid number somewhere),
 * so a digit run (see {@link PhoneCandidate}) must first have a phone number's shape
 * ({@link PhoneShape}: not a date, decimal, thousands, ISBN, SSN, ZIP+4, IP address or part of a
 * longer token), and then:
 *
 * <ul>
 *   <li>an international number ({@code +44 …}, {@code 0044 …}) must be valid; its region is
 *       the one its country code and digits belong to;
 *   <li>a national number must be valid in one of the regions the document plausibly uses
 *       ({@link PhoneRegions}: its URL's and its language's), and be written in groups as that
 *       region formats it ({@code 030 16540724}, {@code (404) 555-0174}), or with its area code
 *       in parentheses ({@code (030) 1654 0724}), or follow a phone word ("Tel.", "call",
 *       "телефон", "電話", ☎…) on its line; a number in one block of digits needs the phone word;
 *   <li>a national number written in none of those regions' groups is a US or British one
 *       when a phone word stands before it and it is written exactly in that region's groups
 *       ({@code ☎ (202) 555-0182} on a Japanese page, or on a page of unknown language).
 * </ul>
 *
 * Neither counts when an identifier's word ("ISBN", "order", "Bestellnummer", "SSN"…) stands
 * closer before the number than any phone word.
 *
 * <p>Only runs of at least seven digits reach libphonenumber: prose costs one scan for digits.
 */
public final class PhoneDetector implements PiiDetector {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  /** How far before a number its phone word or identifier word is looked for. */
  private static final int CONTEXT_CHARS = 48;
  private static final int MIN_DIGITS = 7;

  private static final NearbyWords PHONE_WORDS = NearbyWords.of("tel*", "tél*", "phone*",
      "call*", "dial", "dialing", "dialling", "ring", "mobil*", "cell*", "fax*", "hotline*",
      "helpline*", "whatsapp*", "sms", "text us", "text me", "handy*", "ruf*", "anruf*",
      "erreich*", "appel*", "portable*", "llam*", "móvil*", "movil*", "celular*", "ligue*",
      "ligar", "chiam*", "bel", "bellen", "gsm", "infolinia*", "dzwo*", "komórk*", "телефон*",
      "тел", "звон*", "мобильн*", "факс*", "電話", "携帯", "ｔｅｌ", "电话", "热线", "拨打", "手机",
      "致电", "\u260e", "\u260f", "\u2706", "\ud83d\udcde", "\ud83d\udcf1", "\ud83d\udce0");
  /**
   * Regions whose national numbers turn up on pages of any language (a US office on a Japanese
   * page): tried last, only after a phone word and only written exactly in their groups.
   */
  private static final List<String> WORLDWIDE_REGIONS = List.of("US", "GB");
  /** Words naming a number as something else: an identifier, a code, a reference. */
  private static final NearbyWords IDENTIFIER_WORDS = NearbyWords.of("isbn*", "issn*", "doi",
      "arxiv*", "ssn*", "social security", "zip", "cep", "plz", "postcode*", "postal*", "upc",
      "ean", "gtin*", "sku*", "utm", "blz", "iban*", "bic", "swift*", "order*", "invoice*",
      "tracking*", "bestellnummer", "bestell-nr*", "rechnungsnummer", "rechnungs-nr*",
      "sendungsnummer", "kundennummer", "kundennr*", "kunden-nr*", "vertragsnummer",
      "artikelnummer", "artikel-nr*", "commande n*", "suivi*", "facture*", "pedido*",
      "seguimiento*", "factura*", "ordine*", "fattura*", "encomenda*", "fatura*",
      "bestelnummer", "factuur*", "zamówien*", "faktur*", "заказ*", "注文", "订单", "serial*",
      "seriennummer", "part no*", "model*", "room*", "reference*", "réf*", "ticket*", "batch*",
      "patent*", "version*", "build", "isin", "vat", "tax id", "tax no*", "ust-id*");

  @Override
  public PiiType type() {
    return PiiType.PHONE;
  }

  @Override
  public void find(String text, PiiContext context, List<PiiSpan> out) {
    if (text == null) {
      return;
    }
    List<String> regions = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean starts = PhoneCandidate.isDigit(c) || (c == '+' || c == '(') && i + 1 < n
          && PhoneCandidate.isDigit(text.charAt(i + 1));
      if (!starts || i > 0 && PhoneCandidate.isDigit(text.charAt(i - 1))
          || !PhoneCandidate.hasDigitsAhead(text, i, MIN_DIGITS)) {
        continue;
      }
      PhoneCandidate candidate = PhoneCandidate.read(text, i);
      if (candidate == null) {
        continue;
      }
      i = Math.max(i, candidate.end() - 1);
      if (candidate.digits().length() < MIN_DIGITS || !PhoneShape.plausible(text, candidate)) {
        continue;
      }
      if (regions == null) {
        regions = PhoneRegions.of(context == null ? PiiContext.NONE : context);
      }
      String region = region(text, candidate, regions);
      if (region != null) {
        out.add(new PiiSpan(PiiType.PHONE, candidate.start(), candidate.end(), region));
      }
    }
  }

  /** The region of a valid phone number written as {@code candidate}, or null. */
  private static String region(String text, PhoneCandidate candidate, List<String> regions) {
    int lineStart = NearbyWords.lineStart(text, candidate.start(), CONTEXT_CHARS);
    int phoneWord = PHONE_WORDS.lastEnd(text, lineStart, candidate.start());
    if (IDENTIFIER_WORDS.lastEnd(text, lineStart, candidate.start()) > phoneWord) {
      return null;
    }
    String written = text.substring(candidate.start(), candidate.end());
    if (candidate.international()) {
      if (candidate.groupCount() == 1 && !candidate.plus() && phoneWord < 0) {
        return null; // 0049697757705 alone is as likely a tracking number
      }
      PhoneNumber number = parse(candidate.plus() ? written : "+" + written.substring(2), "ZZ");
      return number != null && UTIL.isValidNumber(number)
          ? UTIL.getRegionCodeForNumber(number) : null;
    }
    if (candidate.groupCount() == 1 && phoneWord < 0) {
      return null;
    }
    String firstValid = null;
    boolean areaCodeInParentheses = false;
    String firstGroupedAsWritten = null;
    for (String region : regions) {
      PhoneNumber number = parse(written, region);
      if (number != null && UTIL.isValidNumberForRegion(number, region)) {
        String formatted = UTIL.format(number, PhoneNumberFormat.NATIONAL);
        if (firstValid == null) {
          firstValid = region;
          areaCodeInParentheses = candidate.parenthesized()[0] && firstGroup(formatted)
              .equals(candidate.digits().substring(0, candidate.groups()[0]));
        }
        if (groupedAsFormatted(candidate, formatted)) {
          firstGroupedAsWritten = region;
          break;
        }
      }
    }
    boolean accepted = firstGroupedAsWritten != null || firstValid != null
        && (phoneWord >= 0 || areaCodeInParentheses);
    if (phoneWord >= 0 && firstGroupedAsWritten == null) {
      String worldwide = worldwideRegion(written, candidate, regions);
      if (worldwide != null) {
        return worldwide;
      }
    }
    if (!accepted) {
      return null;
    }
    // The most likely region keeps a number valid there, written as its people write it or not
    // (Spaniards write 912 345 678, libphonenumber 912 34 56 78); a less likely one needs the
    // grouping to win over a more likely one (014 197 2595 is South African, not Irish).
    return firstValid.equals(regions.get(0)) || firstGroupedAsWritten == null ? firstValid
        : firstGroupedAsWritten;
  }

  /** A worldwide region where the number is valid and written in its groups, or null. */
  private static String worldwideRegion(String written, PhoneCandidate candidate,
      List<String> regions) {
    for (String region : WORLDWIDE_REGIONS) {
      if (regions.contains(region)) {
        continue;
      }
      PhoneNumber number = parse(written, region);
      if (number != null && UTIL.isValidNumberForRegion(number, region)
          && groupedAsFormatted(candidate, UTIL.format(number, PhoneNumberFormat.NATIONAL))) {
        return region;
      }
    }
    return null;
  }

  /**
   * Whether the number is written in the groups the region formats it in ({@code 0221/5670248}
   * fits {@code 0221 5670248}, {@code 615-555-0109} fits {@code (615) 555-0109}). Groups run
   * together do not count: {@code 12345 6789} is not the Polish {@code 12 345 67 89}.
   */
  static boolean groupedAsFormatted(PhoneCandidate candidate, String formatted) {
    int[] written = candidate.groups();
    int group = 0;
    int run = 0;
    for (int i = 0; i <= formatted.length(); i++) {
      if (i < formatted.length() && PhoneCandidate.isDigit(formatted.charAt(i))) {
        run++;
      } else if (run > 0) {
        if (group == written.length || written[group++] != run) {
          return false;
        }
        run = 0;
      }
    }
    return group == written.length;
  }

  /** The first digit group of a formatted number: its area code ({@code 030}, {@code 404}). */
  private static String firstGroup(String formatted) {
    int start = 0;
    while (start < formatted.length() && !PhoneCandidate.isDigit(formatted.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < formatted.length() && PhoneCandidate.isDigit(formatted.charAt(end))) {
      end++;
    }
    return formatted.substring(start, end);
  }

  private static PhoneNumber parse(String written, String region) {
    try {
      return UTIL.parse(written, region);
    } catch (NumberParseException e) {
      return null;
    }
  }
}
