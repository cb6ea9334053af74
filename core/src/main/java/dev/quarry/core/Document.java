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

  public Document withLang(String newLang, Double newScore) {
    return new Document(id, text, url, source, crawl, location, warcRecordId, fetchedAt, newLang,
        newScore, attrs, tags);
  }

  /** This document with {@code more} added to its attrs (a key already there is replaced). */
  public Document withAttrs(Map<String, Double> more) {
    return new Document(id, text, url, source, crawl, location, warcRecordId, fetchedAt, lang,
        langScore, merged(attrs, more), tags);
  }

  /** This document with {@code more} added to its tags (a key already there is replaced). */
  public Document withTags(Map<String, String> more) {
    return new Document(id, text, url, source, crawl, location, warcRecordId, fetchedAt, lang,
        langScore, attrs, merged(tags, more));
  }

  private static <V> Map<String, V> merged(Map<String, V> base, Map<String, V> more) {
    if (more.isEmpty()) {
      return base;
    }
    Map<String, V> all = new java.util.HashMap<>(base);
    all.putAll(more);
    return all;
  }
}
