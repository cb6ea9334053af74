package dev.quarry.jobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Figures the Linux kernel reports in /proc: this process's peak RSS, the machine's memory. */
public final class ProcStatus {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
  private static final Path MEMINFO = Path.of("/proc/meminfo");

  private ProcStatus() {}

  /**
   * Resets this process's peak RSS (VmHWM) to its current RSS by writing 5 to
   * /proc/self/clear_refs (Linux 4.0+). False when not permitted or not Linux.
   */
  public static boolean resetPeakRss() {
    try {
      Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** This process's peak resident set size (VmHWM) in bytes, or null when unavailable. */
  public static Long peakRssBytes() {
    return read(STATUS, "VmHWM");
  }

  /** Total physical memory (MemTotal) in bytes, or null when unavailable. */
  public static Long totalMemoryBytes() {
    return read(MEMINFO, "MemTotal");
  }

  private static Long read(Path file, String key) {
    try {
      return kilobytes(Files.readString(file, StandardCharsets.US_ASCII), key);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The value of a {@code Key:   1234 kB} line, in bytes; null when there is none. */
  static Long kilobytes(String text, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ":\\s+(\\d+) kB$").matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : null;
  }
}
