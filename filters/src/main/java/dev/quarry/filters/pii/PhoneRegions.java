package dev.quarry.filters.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The regions whose national phone formats a document plausibly uses. A national number
 * ({@code 030 1234567}) means nothing without its country, and trying all 245 regions finds a
 * "valid" number in almost any digit run; so a document is read with the regions of its URL's
 * country-code TLD first, then those where its language is spoken, most populous first (the
 * first region where a number is valid names it, unless another writes it exactly as the text
 * does). International numbers ({@code +49 …}) need no table.
 *
 * <table>
 *   <caption>Regions by language (ISO 639-3)</caption>
 *   <tr><td>eng</td><td>US GB CA AU IN IE NZ ZA</td></tr>
 *   <tr><td>deu</td><td>DE AT CH</td></tr>
 *   <tr><td>fra</td><td>FR BE CH CA</td></tr>
 *   <tr><td>spa</td><td>ES MX AR CO CL PE</td></tr>
 *   <tr><td>por</td><td>PT BR</td></tr>
 *   <tr><td>ita</td><td>IT CH</td></tr>
 *   <tr><td>nld</td><td>NL BE</td></tr>
 *   <tr><td>pol / ces / slk / hun / ron</td><td>PL / CZ / SK / HU / RO</td></tr>
 *   <tr><td>rus / ukr</td><td>RU BY KZ / UA</td></tr>
 *   <tr><td>swe / dan / nob nno nor / fin</td><td>SE / DK / NO / FI</td></tr>
 *   <tr><td>ell / tur / heb</td><td>GR / TR / IL</td></tr>
 *   <tr><td>jpn / kor</td><td>JP / KR</td></tr>
 *   <tr><td>cmn zho / yue</td><td>CN TW HK SG / HK</td></tr>
 *   <tr><td>hin / ind / vie / tha</td><td>IN / ID / VN / TH</td></tr>
 *   <tr><td>any other, or none</td><td>the URL's region only</td></tr>
 * </table>
 */
final class PhoneRegions {
  private static final Map<String, List<String>> BY_LANGUAGE = Map.ofEntries(
      Map.entry("eng", List.of("US", "GB", "CA", "AU", "IN", "IE", "NZ", "ZA")),
      Map.entry("deu", List.of("DE", "AT", "CH")),
      Map.entry("fra", List.of("FR", "BE", "CH", "CA")),
      Map.entry("spa", List.of("ES", "MX", "AR", "CO", "CL", "PE")),
      Map.entry("por", List.of("PT", "BR")),
      Map.entry("ita", List.of("IT", "CH")),
      Map.entry("nld", List.of("NL", "BE")),
      Map.entry("pol", List.of("PL")),
      Map.entry("ces", List.of("CZ")),
      Map.entry("slk", List.of("SK")),
      Map.entry("hun", List.of("HU")),
      Map.entry("ron", List.of("RO")),
      Map.entry("rus", List.of("RU", "BY", "KZ")),
      Map.entry("ukr", List.of("UA")),
      Map.entry("swe", List.of("SE")),
      Map.entry("dan", List.of("DK")),
      Map.entry("nob", List.of("NO")),
      Map.entry("nno", List.of("NO")),
      Map.entry("nor", List.of("NO")),
      Map.entry("fin", List.of("FI")),
      Map.entry("ell", List.of("GR")),
      Map.entry("tur", List.of("TR")),
      Map.entry("heb", List.of("IL")),
      Map.entry("jpn", List.of("JP")),
      Map.entry("kor", List.of("KR")),
      Map.entry("cmn", List.of("CN", "TW", "HK", "SG")),
      Map.entry("zho", List.of("CN", "TW", "HK", "SG")),
      Map.entry("yue", List.of("HK")),
      Map.entry("hin", List.of("IN")),
      Map.entry("ind", List.of("ID")),
      Map.entry("vie", List.of("VN")),
      Map.entry("tha", List.of("TH")));
  /** Country-code TLDs that are not the region's ISO code. */
  private static final Map<String, String> TLD_REGIONS = Map.of("uk", "GB");
  private static final Set<String> SUPPORTED = PhoneNumberUtil.getInstance().getSupportedRegions();

  private PhoneRegions() {}

  /** The regions to read national numbers in, most plausible first; may be empty. */
  static List<String> of(PiiContext context) {
    List<String> regions = new ArrayList<>(9);
    String urlRegion = urlRegion(context.url());
    if (urlRegion != null) {
      regions.add(urlRegion);
    }
    for (String region : context.lang() == null ? List.<String>of()
        : BY_LANGUAGE.getOrDefault(context.lang(), List.of())) {
      if (!regions.contains(region)) {
        regions.add(region);
      }
    }
    return regions;
  }

  /** The region of a URL's country-code TLD ({@code https://shop.example.de/x} → DE), or null. */
  static String urlRegion(String url) {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    int hostStart = scheme < 0 ? 0 : scheme + 3;
    int hostEnd = hostStart;
    while (hostEnd < url.length() && "/:?#".indexOf(url.charAt(hostEnd)) < 0) {
      hostEnd++;
    }
    String host = url.substring(hostStart, hostEnd);
    int userInfo = host.lastIndexOf('@');
    host = host.substring(userInfo + 1);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (tld.length() != 2) {
      return null;
    }
    String region = TLD_REGIONS.getOrDefault(tld, tld.toUpperCase(Locale.ROOT));
    return SUPPORTED.contains(region) ? region : null;
  }
}
