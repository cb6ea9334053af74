package dev.quarry.filters.pii;

/**
 * What a detector may know about the document besides its text: its language (ISO 639-3, or
 * null) and URL (or null), e.g. to choose the regions whose national phone formats to accept.
 */
public record PiiContext(String lang, String url) {
  public static final PiiContext NONE = new PiiContext(null, null);
}
