package dev.quarry.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One document: the unit every stage reads and writes (one Parquet row).
 *
 * <p>{@code location} is enough to find the raw record again ({@code <file>#<byte offset>} or
 * {@code <file>:<line>}); {@code id} is derived from the source and a machine-independent form of
 * the location, so it is the same on every rerun and every machine (see {@link DocumentIds}).
 * {@code lang}/{@code langScore} are null until language identification runs.
 */
public record Document(
    String id,
    String text,
    String url,
    String source,
    String crawl,
    String location,
    String warcRecordId,
    Instant fetchedAt,
    String lang,
    Double langScore,
    Map<String, Double> attrs,
    Map<String, String> tags) {

  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(location, "location");
    attrs = attrs == null ? Map.of() : Map.copyOf(attrs);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  public Document withText(String newText) {
    return new Document(id, newText, url, source, crawl, location, warcRecordId, fetchedAt, lang,
        langScore, attrs, tags);
  }
}
