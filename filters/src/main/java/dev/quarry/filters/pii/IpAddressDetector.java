package dev.quarry.filters.pii;

import java.util.List;

/**
 * Finds IPv4 and IPv6 address literals ({@code ::} compression, IPv4-mapped
 * {@code ::ffff:a.b.c.d}, an optional zone {@code %eth0}) with their range as detail
 * ({@link IpRange}). Literals are parsed strictly ({@link IpLiterals}) and must stand alone: not
 * inside a longer dotted number ({@code 1.3.6.1.2.1.1.3.0}), not after a letter ({@code v10.0.0.1},
 * {@code std::}) or a name and slash ({@code OpenSSL/1.1.1.1}), not before one
 * ({@code 1.2.3.4-beta}).
 *
 * <p>Four small numbers are usually a version, a section or a chapter ({@code 2.1.0.3},
 * {@code 4.2.1.3}, {@code 1.1.1.1}): an IPv4 literal whose first octet is below 10, or whose
 * octets are all at most 20, counts only with a network word ("IP", "server", "DNS", "ping",
 * "adresse", "地址"…) on its line or network syntax ({@code http://}, {@code :port},
 * {@code /24}). Any IPv4 literal with a version word ("version", "Firmware", "wersja", "версия",
 * "バージョン", "版本", "Section", "§"…) nearer before it than a network word, or a version word
 * right after it ({@code 5.6.2.1 版本}), is not an address, nor is one heading a changelog entry
 * ({@link ChangelogHeadings}: {@code ## 115.0.3.1 (2024-05-02)}). IPv6 literals are never
 * versions, but compressed forms with fewer than three groups written are other things ({@code a[1::2]},
 * {@code Foo::Bar}), so of those only {@code ::1} and a full first group ({@code fe80::1}) count;
 * a literal needs a decimal digit (not hex words such as {@code dead:beef::cafe}). Times
 * ({@code 12:30:45}) and MAC addresses have too few groups to parse.
 *
 * <p>The scan passes over every character once and looks further only at a run of hex digits,
 * dots and colons that holds a decimal digit or a colon, and parses only runs with a dot or a
 * colon: prose costs one pass.
 */
public final class IpAddressDetector implements PiiDetector {
  /** How far before a literal its network or version word is looked for. */
  private static final int CONTEXT_BEFORE = 48;
  /** How far after: the word order of Chinese and Japanese puts "version" after the number. */
  private static final int CONTEXT_AFTER = 12;

  private static final NearbyWords NETWORK_WORDS = NearbyWords.of("ip", "ips", "ipv4", "ipv6",
      "address*", "adress*", "adres*", "dirección*", "direccion*", "indirizz*", "endereço*",
      "адрес*", "アドレス", "地址", "host", "hosts", "hostname*", "server*", "serveur*",
      "servidor*", "ping*", "gateway*", "router*", "dns", "nameserver*", "resolver*", "subnet*",
      "netmask*", "client*", "listen*", "bind*", "connect*", "proxy*", "forwarded*",
      "nslookup*", "traceroute*", "ssh*", "curl", "inet*", "route*", "firewall*", "vpn", "lan",
      "wan", "peer*", "remote*", "src", "dst", "nat", "dhcp*", "netz*", "réseau*", "red", "rete",
      "сервер*", "サーバ", "服务器");
  private static final NearbyWords VERSION_WORDS = NearbyWords.of("version*", "versión*",
      "versão*", "versione*", "versie*", "wersj*", "верси*", "バージョン", "版本", "release*",
      "build", "builds", "firmware*", "update*", "upgrade*", "aktualisier*", "treiber*",
      "driver*", "changelog*", "änderungsprotokoll*", "actualizaci*", "atualiza*",
      "aggiornament*", "micrologiciel*", "mise à jour", "обновлен*", "升级", "section*",
      "chapter*", "chapitre*", "capítulo*", "capitolo*", "kapitel*", "paragra*", "párrafo*",
      "article*", "artikel*", "articolo*", "artículo*", "punkt*", "пункт*", "глава*", "раздел*",
      "§", "oid", "oids", "snmp*", "clause*", "numbering*", "第");

  @Override
  public PiiType type() {
    return PiiType.IP_ADDRESS;
  }

  @Override
  public void find(String text, PiiContext context, List<PiiSpan> out) {
    if (text == null) {
      return;
    }
    int n = text.length();
    int scanned = 0;
    for (int i = 0; i < n; i++) {
      char first = text.charAt(i);
      if (first < '0' || first > ':') {
        continue; // a run is looked at from its first digit or colon
      }
      int start = i;
      while (start > scanned && isRunChar(text.charAt(start - 1))) {
        start--; // hex letters before it ("fe80::1")
      }
      int end = i;
      boolean colon = false;
      boolean dot = false;
      boolean hexLetter = false;
      for (int p = start; p < i; p++) {
        hexLetter |= text.charAt(p) > ':';
        dot |= text.charAt(p) == '.';
      }
      while (end < n && isRunChar(text.charAt(end))) {
        char c = text.charAt(end++);
        colon |= c == ':';
        dot |= c == '.';
        hexLetter |= c > ':';
      }
      if (colon && !ipv6(text, start, end, out) && dot) {
        ipv4BesideColons(text, start, end, out); // "IP:10.0.0.1", "10.0.0.1:8080"
      } else if (!colon && dot && !hexLetter) {
        ipv4(text, start, end, out);
      }
      scanned = end;
      i = end - 1;
    }
  }

  private static void ipv4(String text, int start, int end, List<PiiSpan> out) {
    while (end > start && text.charAt(end - 1) == '.') {
      end--; // a full stop after the address
    }
    if (end == start || text.charAt(start) == '.' || !standsAlone(text, start, end)) {
      return;
    }
    long address = IpLiterals.ipv4(text, start, end);
    String range = address < 0 ? null : IpRange.ofIpv4(address);
    if (range != null && !looksLikeVersion(text, start, end, address)) {
      out.add(new PiiSpan(PiiType.IP_ADDRESS, start, end, range));
    }
  }

  /** The dotted part of a run that also holds colons, between the colons around it. */
  private static void ipv4BesideColons(String text, int start, int end, List<PiiSpan> out) {
    int firstDot = text.indexOf('.', start);
    int from = firstDot;
    while (from > start && text.charAt(from - 1) != ':') {
      from--;
    }
    int to = firstDot;
    while (to < end && text.charAt(to) != ':') {
      to++;
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) > '9') {
        return; // a hex letter: not a dotted decimal
      }
    }
    ipv4(text, from, to, out);
  }

  /** Reports the IPv6 literal in the run, if it is one; whether it was. */
  private static boolean ipv6(String text, int start, int end, List<PiiSpan> out) {
    while (end > start && text.charAt(end - 1) == '.') {
      end--;
    }
    if (end - start > 2 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
      end--; // "address fe80::1: ..."
    }
    if (end - start > 2 && text.charAt(start) == ':' && text.charAt(start + 1) != ':') {
      start++; // "IP:2001:db8::1"
    }
    if (end - start < 3 || !standsAlone(text, start, end) || !hasDecimalDigit(text, start, end)) {
      return false;
    }
    int[] explicit = new int[1];
    int[] groups = IpLiterals.ipv6(text, start, end, explicit);
    if (groups == null) {
      return false;
    }
    String range = IpRange.ofIpv6(groups);
    boolean loopback = explicit[0] == 1 && IpRange.LOOPBACK.equals(range);
    boolean fullFirstGroup = explicit[0] == 2 && start + 4 < end && text.charAt(start + 4) == ':';
    if (range != null && (explicit[0] >= 3 || loopback || fullFirstGroup)) {
      out.add(new PiiSpan(PiiType.IP_ADDRESS, start, zoneEnd(text, end), range));
    }
    return true;
  }

  /**
   * Whether an IPv4 literal is rather a version or section number: a version word nearer before
   * it than a network word, one right after it, or small octets with no network context.
   */
  private static boolean looksLikeVersion(String text, int start, int end, long address) {
    int lineStart = NearbyWords.lineStart(text, start, CONTEXT_BEFORE);
    int network = NETWORK_WORDS.lastEnd(text, lineStart, start);
    if (VERSION_WORDS.lastEnd(text, lineStart, start) > network
        || VERSION_WORDS.occursIn(text, end, NearbyWords.lineEnd(text, end, CONTEXT_AFTER))) {
      return true;
    }
    if (network < 0 && ChangelogHeadings.heads(text, start, end) && !NETWORK_WORDS.occursIn(
        text, end, NearbyWords.lineEnd(text, end, ChangelogHeadings.TITLE_WINDOW))) {
      return true;
    }
    int first = (int) (address >>> 24);
    boolean small = first < 10 || allOctetsAtMost(address, 20);
    return small && network < 0 && !hasNetworkSyntax(text, start, end);
  }

  private static boolean allOctetsAtMost(long address, int max) {
    for (int shift = 0; shift < 32; shift += 8) {
      if ((address >>> shift & 0xFF) > max) {
        return false;
      }
    }
    return true;
  }

  /** {@code ://} or {@code @} before it, {@code :port} or {@code /prefix} after it. */
  private static boolean hasNetworkSyntax(String text, int start, int end) {
    boolean url = start >= 3 && text.startsWith("://", start - 3)
        || start >= 1 && text.charAt(start - 1) == '@';
    boolean suffix = end + 1 < text.length() && (text.charAt(end) == ':' || text.charAt(end) == '/')
        && PhoneCandidate.isDigit(text.charAt(end + 1));
    return url || suffix;
  }

  /**
   * Not glued to a word or a longer number: no letter, digit or {@code _} touches it, nor a
   * {@code name/} or {@code §} before it, nor {@code -letter} after it.
   */
  private static boolean standsAlone(String text, int start, int end) {
    if (start > 0) {
      char prev = text.charAt(start - 1);
      if (isWordChar(prev) || prev == '§' || prev == '.' || prev == '/' && start > 1
          && isWordChar(text.charAt(start - 2))) {
        return false;
      }
    }
    if (end < text.length()) {
      char next = text.charAt(end);
      return !isWordChar(next) && !(next == '-' && end + 1 < text.length()
          && Character.isLetter(text.charAt(end + 1)));
    }
    return true;
  }

  private static int zoneEnd(String text, int end) {
    if (end + 1 >= text.length() || text.charAt(end) != '%') {
      return end;
    }
    int q = end + 1;
    while (q < text.length() && q - end <= 16 && (isAsciiLetterOrDigit(text.charAt(q))
        || text.charAt(q) == '_' || text.charAt(q) == '-')) {
      q++;
    }
    return q > end + 1 ? q : end;
  }

  private static boolean hasDecimalDigit(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (PhoneCandidate.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRunChar(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':'
        || c == '.';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c < 0x80 && Character.isLetterOrDigit(c);
  }
}
