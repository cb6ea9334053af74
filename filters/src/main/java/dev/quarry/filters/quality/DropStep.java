package dev.quarry.filters.quality;

import dev.quarry.core.Document;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.Verdict;

/** A step that keeps a document as it is or drops it, for the reason its rules give. */
abstract class DropStep implements DocumentStep {
  private final String name;

  DropStep(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Verdict apply(Document document) {
    String reason = dropReason(document.text() == null ? "" : document.text(), document.lang());
    return reason == null ? Verdict.keep(document) : Verdict.drop(document, reason);
  }

  /** Why to drop a document with this text and language, or null to keep it. */
  abstract String dropReason(String text, String lang);
}
