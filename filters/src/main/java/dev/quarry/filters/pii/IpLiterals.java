package dev.quarry.filters.pii;

/**
 * Strict parsers for IP address literals as the RFCs write them, with no leniency that would let
 * look-alikes through: IPv4 is exactly four decimal octets 0–255 without leading zeros
 * ({@code 010.1.1.1} is octal to some parsers and an error to others, so not an address here);
 * IPv6 is eight groups of one to four hex digits, or fewer with one {@code ::}, optionally ending
 * in an IPv4 address. {@code java.net.InetAddress} is not used: it resolves host names.
 */
final class IpLiterals {
  private IpLiterals() {}

  /** The address {@code text[from, to)} as an unsigned 32-bit value, or -1. */
  static long ipv4(String text, int from, int to) {
    long address = 0;
    int parts = 0;
    int p = from;
    while (parts < 4) {
      int q = p;
      int value = 0;
      while (q < to && q - p < 3 && PhoneCandidate.isDigit(text.charAt(q))) {
        value = value * 10 + text.charAt(q) - '0';
        q++;
      }
      if (q == p || value > 255 || q - p > 1 && text.charAt(p) == '0') {
        return -1;
      }
      address = address << 8 | value;
      parts++;
      if (parts < 4) {
        if (q >= to || text.charAt(q) != '.') {
          return -1;
        }
        p = q + 1;
      } else if (q != to) {
        return -1;
      }
    }
    return address;
  }

  /**
   * The address {@code text[from, to)} as eight 16-bit groups, or null. {@code explicit[0]}
   * receives how many groups were written (an embedded IPv4 address counts two).
   */
  static int[] ipv6(String text, int from, int to, int[] explicit) {
    int[] head = new int[8];
    int[] tail = new int[8];
    int heads = 0;
    int tails = 0;
    boolean compressed = false;
    int p = from;
    if (text.startsWith("::", p) && p + 2 <= to) {
      compressed = true;
      p += 2;
    }
    while (p < to) {
      int q = p;
      while (q < to && q - p <= 4 && Character.digit(text.charAt(q), 16) >= 0) {
        q++;
      }
      if (q < to && text.charAt(q) == '.') {
        long v4 = ipv4(text, p, to);
        if (v4 < 0 || (compressed ? tails : heads) > 6) {
          return null;
        }
        int[] groups = compressed ? tail : head;
        int at = compressed ? tails : heads;
        groups[at] = (int) (v4 >>> 16);
        groups[at + 1] = (int) (v4 & 0xFFFF);
        if (compressed) {
          tails += 2;
        } else {
          heads += 2;
        }
        p = to;
        break;
      }
      if (q == p || q - p > 4 || heads + tails >= 8) {
        return null;
      }
      int value = Integer.parseInt(text, p, q, 16);
      if (compressed) {
        tail[tails++] = value;
      } else {
        head[heads++] = value;
      }
      if (q == to) {
        p = q;
        break;
      }
      if (text.charAt(q) != ':') {
        return null;
      }
      if (q + 1 < to && text.charAt(q + 1) == ':') {
        if (compressed) {
          return null;
        }
        compressed = true;
        p = q + 2;
      } else if (q + 1 == to) {
        return null; // a trailing single ':'
      } else {
        p = q + 1;
      }
    }
    int written = heads + tails;
    if (compressed ? written > 7 : written != 8) {
      return null;
    }
    int[] groups = new int[8];
    System.arraycopy(head, 0, groups, 0, heads);
    System.arraycopy(tail, 0, groups, 8 - tails, tails);
    explicit[0] = written;
    return groups;
  }
}
