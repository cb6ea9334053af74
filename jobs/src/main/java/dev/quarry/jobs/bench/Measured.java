package dev.quarry.jobs.bench;

import java.util.Map;

/**
 * What one stage or baseline run reports about its work. {@code recordsIn} is every record it
 * read (the documents of docs/s); the other counts are null when the run has no such notion
 * (a baseline that only reads keeps and rejects nothing).
 *
 * @param extra further counts worth keeping, by snake_case name (e.g. payload_bytes)
 */
public record Measured(long recordsIn, Long kept, Long rejected, Long errors,
    Map<String, Long> extra) {
  public Measured {
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }
}
