package dev.quarry.dedup.exact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The URL-dedup key of a URL: a small normaliser, so that two fetches of one page written
 * differently share a key, without guessing at what a site means.
 *
 * <p>It trims the ends, drops the fragment ({@code #…}), lower-cases the scheme and the host,
 * and drops an empty port and the default port of http (80) and https (443). User info, path and
 * query are kept exactly as written: their case, percent-encoding, trailing slash, parameter
 * order and an empty path can all matter to a server. A string without a scheme, or a scheme
 * without {@code //} (such as {@code mailto:}), keeps everything after the scheme as is. It is
 * text handling only, never a {@code java.net.URI} parse, so malformed URLs found in crawls get
 * a key rather than an exception.
 */
public final class UrlKey {
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

  private UrlKey() {}

  /** The normalised URL; empty for a null or blank URL, which is never a URL duplicate. */
  public static Optional<String> of(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String text = url.strip();
    int fragment = text.indexOf('#');
    if (fragment >= 0) {
      text = text.substring(0, fragment);
    }
    int colon = text.indexOf(':');
    if (colon < 0 || !SCHEME.matcher(text.substring(0, colon)).matches()) {
      return Optional.of(text);
    }
    String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = text.substring(colon + 1);
    if (!rest.startsWith("//")) {
      return Optional.of(scheme + ":" + rest);
    }
    int authorityEnd = indexOfAny(rest, 2, '/', '?');
    return Optional.of(scheme + "://" + authority(scheme, rest.substring(2, authorityEnd))
        + rest.substring(authorityEnd));
  }

  /** [userinfo@]host[:port] with the host lower-cased and an empty or default port dropped. */
  private static String authority(String scheme, String authority) {
    int at = authority.lastIndexOf('@');
    String userInfo = authority.substring(0, at + 1);
    String hostAndPort = authority.substring(at + 1);
    int portColon = hostAndPort.startsWith("[") // an IPv6 literal holds colons of its own
        ? hostAndPort.indexOf(':', Math.max(hostAndPort.indexOf(']'), 0))
        : hostAndPort.lastIndexOf(':');
    String host = portColon < 0 ? hostAndPort : hostAndPort.substring(0, portColon);
    String port = portColon < 0 ? "" : hostAndPort.substring(portColon + 1);
    String kept = port.isEmpty() || isDefaultPort(scheme, port) ? "" : ":" + port;
    return userInfo + host.toLowerCase(Locale.ROOT) + kept;
  }

  private static boolean isDefaultPort(String scheme, String port) {
    if (!DIGITS.matcher(port).matches()) {
      return false;
    }
    int number = Integer.parseInt(port);
    return scheme.equals("http") && number == 80 || scheme.equals("https") && number == 443;
  }

  private static int indexOfAny(String text, int from, char first, char second) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == first || c == second) {
        return i;
      }
    }
    return text.length();
  }
}
