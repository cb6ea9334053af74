package dev.quarry.filters;

import dev.quarry.core.Document;

/**
 * A step that changes a document's text to remove what must not be kept (PII), rather than
 * judging it. The chain runs a scrubber on every document — also on one an earlier step
 * dropped, before it is written to {@code _rejected/} — so that no output of the stage holds
 * what the scrubber removes, whatever the step order.
 */
public interface TextScrubber extends DocumentStep {
  /** {@code document} with its text scrubbed; never drops, never throws. */
  Document scrub(Document document);
}
