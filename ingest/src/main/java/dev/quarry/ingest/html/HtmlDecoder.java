package dev.quarry.ingest.html;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text for web payloads. The charset is chosen as browsers do: a byte-order mark, then
 * the HTTP-declared charset, then a {@code <meta>} declaration in the first 4 KB, then UTF-8 if
 * the bytes are valid UTF-8, else windows-1252 (which also stands in for ISO-8859-1, as in the
 * HTML standard). Invalid sequences are replaced and counted, never thrown.
 */
public final class HtmlDecoder {
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private HtmlDecoder() {}

  public static DecodedText decodeHtml(byte[] bytes, String declaredCharset) {
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      return decode(bytes, bomLength(bytes), bom);
    }
    Charset charset = charsetOrNull(declaredCharset);
    if (charset == null) {
      String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        charset = charsetOrNull(m.group(1));
      }
    }
    if (charset != null) {
      return decode(bytes, 0, charset);
    }
    DecodedText utf8 = decode(bytes, 0, StandardCharsets.UTF_8);
    return utf8.malformed() == 0 ? utf8 : decode(bytes, 0, WINDOWS_1252);
  }

  /** Plain text (WET, text files): the declared charset, else UTF-8. */
  public static DecodedText decodeText(byte[] bytes, String declaredCharset) {
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      return decode(bytes, bomLength(bytes), bom);
    }
    Charset charset = charsetOrNull(declaredCharset);
    return decode(bytes, 0, charset == null ? StandardCharsets.UTF_8 : charset);
  }

  /** HTML by declared media type, or for untyped/generic payloads by sniffing the first bytes. */
  public static boolean looksLikeHtml(String mediaType, byte[] payload) {
    String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).trim();
    if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
      return true;
    }
    if (!type.isEmpty() && !type.equals("application/octet-stream")
        && !type.equals("text/plain") && !type.equals("unknown/unknown")) {
      return false;
    }
    String head = new String(payload, 0, Math.min(payload.length, 1024),
        StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return head.stripLeading().startsWith("<!doctype html") || head.contains("<html")
        || head.contains("<body") || head.contains("<head");
  }

  static DecodedText decode(byte[] bytes, int offset, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
        (long) (bytes.length * (double) decoder.maxCharsPerByte()) + 16));
    long malformed = 0;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        malformed++;
        out.put('\uFFFD');
        in.position(in.position() + result.length());
      } else {
        break;
      }
    }
    decoder.flush(out);
    out.flip();
    return new DecodedText(out.toString(), charset.name().toLowerCase(Locale.ROOT), malformed);
  }

  static Charset charsetOrNull(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      return WINDOWS_1252;
    }
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static int bomLength(byte[] b) {
    return (b[0] & 0xff) == 0xEF ? 3 : 2;
  }
}
