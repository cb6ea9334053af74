package dev.quarry.filters.pii;

/**
 * The range an address belongs to, the detail of an {@code IP_ADDRESS} span: {@code private}
 * (RFC 1918, the RFC 6598 carrier-grade NAT space, fc00::/7), {@code loopback},
 * {@code link_local}, {@code documentation} (RFC 5737, 2001:db8::/32) or {@code public}. An
 * IPv4-mapped IPv6 address has the range of its IPv4 address.
 *
 * <p>The remaining special-purpose ranges return null, and the detector reports nothing: they
 * identify no host or subscriber (0.0.0.0 "any interface", netmasks such as 255.255.255.0 in
 * 240/4, multicast groups, benchmarking 198.18/15, the unspecified {@code ::}).
 */
final class IpRange {
  static final String PUBLIC = "public";
  static final String PRIVATE = "private";
  static final String LOOPBACK = "loopback";
  static final String LINK_LOCAL = "link_local";
  static final String DOCUMENTATION = "documentation";

  private IpRange() {}

  /** The range of an IPv4 address (an unsigned 32-bit value), or null. */
  static String ofIpv4(long address) {
    int a = (int) (address >>> 24);
    int b = (int) (address >>> 16 & 0xFF);
    int c = (int) (address >>> 8 & 0xFF);
    if (a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
        || a == 100 && b >= 64 && b <= 127) {
      return PRIVATE;
    }
    if (a == 127) {
      return LOOPBACK;
    }
    if (a == 169 && b == 254) {
      return LINK_LOCAL;
    }
    if (a == 192 && b == 0 && c == 2 || a == 198 && b == 51 && c == 100
        || a == 203 && b == 0 && c == 113) {
      return DOCUMENTATION;
    }
    if (a == 0 || a >= 224 || a == 192 && b == 0 && c == 0 || a == 198 && (b == 18 || b == 19)) {
      return null;
    }
    return PUBLIC;
  }

  /** The range of an IPv6 address (eight 16-bit groups), or null. */
  static String ofIpv6(int[] g) {
    boolean zeroHead = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0;
    if (zeroHead && g[5] == 0xFFFF) {
      return ofIpv4((long) g[6] << 16 | g[7]);
    }
    if (zeroHead && g[5] == 0 && g[6] == 0) {
      return g[7] == 1 ? LOOPBACK : null;
    }
    if ((g[0] & 0xFFC0) == 0xFE80) {
      return LINK_LOCAL;
    }
    if ((g[0] & 0xFE00) == 0xFC00) {
      return PRIVATE;
    }
    if (g[0] == 0x2001 && g[1] == 0x0DB8) {
      return DOCUMENTATION;
    }
    return (g[0] & 0xE000) == 0x2000 ? PUBLIC : null;
  }
}
