package dev.quarry.core.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where every input record of a stage went: {@code recordsIn = kept + rejected + errors}, each
 * of the last two by reason. A job checks the identity before it commits.
 */
public record Accounting(
    long recordsIn, long kept, Map<String, Long> rejected, Map<String, Long> errors) {

  public Accounting {
    rejected = java.util.Collections.unmodifiableMap(new TreeMap<>(rejected));
    errors = java.util.Collections.unmodifiableMap(new TreeMap<>(errors));
  }

  /**
   * The accounting of a stage whose stats count {@code records_in}, {@code kept},
   * {@code rejected.<reason>} and {@code errors.<reason>}.
   */
  public static Accounting fromCounters(Stats stats) {
    return new Accounting(stats.counter("records_in"), stats.counter("kept"),
        stats.countersWithPrefix("rejected."), stats.countersWithPrefix("errors."));
  }

  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  public long errorsTotal() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean balanced() {
    return recordsIn == kept + rejectedTotal() + errorsTotal();
  }

  public double errorRate() {
    return recordsIn == 0 ? 0.0 : (double) errorsTotal() / recordsIn;
  }

  /** Throws if records went missing or were double-counted. */
  public Accounting verify(String stage) {
    if (!balanced()) {
      throw new IllegalStateException(stage + ": accounting does not balance: records_in="
          + recordsIn + " but kept=" + kept + " + rejected=" + rejectedTotal() + " + errors="
          + errorsTotal() + " = " + (kept + rejectedTotal() + errorsTotal()));
    }
    return this;
  }

  public Map<String, Object> summary() {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("records_in", recordsIn);
    out.put("kept", kept);
    out.put("rejected", new TreeMap<>(rejected));
    out.put("rejected_total", rejectedTotal());
    out.put("errors", new TreeMap<>(errors));
    out.put("errors_total", errorsTotal());
    out.put("balanced", balanced());
    return out;
  }
}
