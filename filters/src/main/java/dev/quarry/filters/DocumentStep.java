package dev.quarry.filters;

import dev.quarry.core.Document;

/**
 * One step of a filter chain. A filter keeps a document or drops it with a stable snake_case
 * reason; an annotator keeps it with scores added to {@code attrs} (or {@code lang} set).
 * Steps never throw on any text and never count anything themselves: the chain counts and
 * times every step. A step is built once per executor and used from one thread at a time.
 */
public interface DocumentStep {
  /** The name the step is configured by, e.g. {@code gopher_quality}. */
  String name();

  Verdict apply(Document document);
}
