package dev.quarry.filters.pii;

import java.util.List;

/**
 * PEM and OpenSSH private keys: the whole block from {@code -----BEGIN … PRIVATE KEY-----} to the
 * {@code -----END … PRIVATE KEY-----} with the same label (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP
 * … BLOCK, or none for PKCS#8). Public keys and certificates have other labels and are not
 * secret.
 *
 * <p>The body must be a key: lines of base64 (header lines such as {@code Proc-Type: …} aside;
 * line breaks may be real or JSON-escaped {@code \n}), at least {@value #MIN_BASE64} base64
 * chars of at least {@value #MIN_DISTINCT} distinct values. That turns away the {@code ...}
 * bodies of documentation and "paste your key between -----BEGIN … and -----END …". A key cut off
 * before its END line (a truncated paste) still counts when its body is long
 * ({@value #MIN_TRUNCATED_BASE64} chars); the span then ends with the last base64 char.
 *
 * <p>Each body is read once, up to the next armour line ({@code -----}) and at most
 * {@value #MAX_BODY} chars, so no input makes the scan quadratic.
 */
final class PrivateKeyBlocks {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL = 40;
  private static final int MAX_BODY = 64 * 1024;
  private static final int MIN_BASE64 = 64;
  private static final int MIN_TRUNCATED_BASE64 = 256;
  private static final int MIN_DISTINCT = 16;

  private PrivateKeyBlocks() {}

  static void find(String text, List<PiiSpan> out) {
    for (int at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + 1)) {
      int labelStart = at + BEGIN.length();
      int labelEnd = labelEnd(text, labelStart);
      String label = labelEnd < 0 ? "" : text.substring(labelStart, labelEnd);
      if (!label.endsWith("PRIVATE KEY") && !label.endsWith("PRIVATE KEY BLOCK")) {
        continue;
      }
      int end = blockEnd(text, labelEnd + DASHES.length(), label);
      if (end > 0) {
        out.add(SecretKind.PRIVATE_KEY.span(at, end));
        at = end - 1;
      }
    }
  }

  /** The end of a label of capitals, digits, spaces and {@code #} closed by dashes, or -1. */
  private static int labelEnd(String text, int from) {
    int limit = Math.min(text.length(), from + MAX_LABEL);
    for (int i = from; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '-') {
        return text.startsWith(DASHES, i) ? i : -1;
      }
      if (!(NumberBounds.isUpper(c) || NumberBounds.isDigit(c) || c == ' ' || c == '#')) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Where the block whose body starts at {@code bodyStart} ends, or -1 if it is no key. The body
   * ends at the next armour line or at the first line that is not base64.
   */
  private static int blockEnd(String text, int bodyStart, String label) {
    Body body = new Body();
    int limit = Math.min(text.length(), bodyStart + MAX_BODY);
    int i = bodyStart;
    while (i < limit && !body.broken && !text.startsWith(DASHES, i)) {
      i = body.read(text, i);
    }
    body.endLine();
    if (body.distinct() < MIN_DISTINCT) {
      return -1;
    }
    int labelAt = i + END.length();
    if (!body.broken && text.startsWith(END, i) && text.startsWith(label, labelAt)
        && text.startsWith(DASHES, labelAt + label.length())) {
      return body.base64 >= MIN_BASE64 ? labelAt + label.length() + DASHES.length() : -1;
    }
    return body.base64 >= MIN_TRUNCATED_BASE64 ? body.end : -1;
  }

  /** The body read so far, line by line; only lines of base64 count. */
  private static final class Body {
    int base64;
    int end;
    boolean broken;
    private long seenLow;
    private long seenHigh;
    private long lineLow;
    private long lineHigh;
    private int lineBase64;
    private int lineEnd;
    private boolean lineHeader;
    private boolean lineBad;

    /** Reads the char (or escaped line break) at {@code i}; returns the next index. */
    int read(String text, int i) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        endLine();
        return i + 1;
      }
      if (c == '\\' && i + 1 < text.length()
          && (text.charAt(i + 1) == 'n' || text.charAt(i + 1) == 'r')) {
        endLine();
        return i + 2;
      }
      if (isBase64(c)) {
        lineBase64++;
        lineEnd = i + 1;
        if (c < 64) {
          lineLow |= 1L << c;
        } else {
          lineHigh |= 1L << (c - 64);
        }
      } else if (c == ':') {
        lineHeader = true;
      } else if (c != ' ' && c != '\t') {
        lineBad = true;
      }
      return i + 1;
    }

    /** Ends a line: a header line is skipped, a line of anything but base64 breaks the body. */
    void endLine() {
      if (lineBad && !lineHeader) {
        broken = true;
      } else if (!lineHeader && lineBase64 > 0 && !broken) {
        base64 += lineBase64;
        end = lineEnd;
        seenLow |= lineLow;
        seenHigh |= lineHigh;
      }
      lineBase64 = 0;
      lineLow = 0;
      lineHigh = 0;
      lineHeader = false;
      lineBad = false;
    }

    int distinct() {
      return Long.bitCount(seenLow) + Long.bitCount(seenHigh);
    }

    private static boolean isBase64(char c) {
      return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
          || c == '/' || c == '=';
    }
  }
}
