package dev.quarry.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes written as people write them: {@code 1GB}, {@code 250 MB}, {@code 1.5GiB}, {@code 4096}.
 * KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB powers of 1024; a bare number is bytes.
 */
public final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b|b)?\\s*", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /** Bytes in {@code text}; a ConfigException naming {@code field} when it is not a size. */
  public static long parse(String text, String field) {
    Matcher m = SIZE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new ConfigException(field, "expected a size such as 500MB, 1GB or 2GiB (got '"
          + text + "')");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    double multiplier = switch (unit) {
      case "kb" -> 1e3;
      case "mb" -> 1e6;
      case "gb" -> 1e9;
      case "tb" -> 1e12;
      case "kib" -> 1024.0;
      case "mib" -> 1024.0 * 1024;
      case "gib" -> 1024.0 * 1024 * 1024;
      case "tib" -> 1024.0 * 1024 * 1024 * 1024;
      default -> 1;
    };
    double bytes = value * multiplier;
    if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
      throw new ConfigException(field, "size out of range (got '" + text + "')");
    }
    return Math.round(bytes);
  }

  /** A short human form, e.g. {@code 1.00 GB}, {@code 12.3 MB}. */
  public static String format(long bytes) {
    if (bytes >= 1e9) {
      return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
    if (bytes >= 1e6) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    if (bytes >= 1e3) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
    }
    return bytes + " B";
  }
}
