package dev.quarry.jobs.corpus;

/** What a synthetic page is, so later stages can be checked against the ground truth. */
public enum PageKind {
  /** An ordinary article: boilerplate around real paragraphs. */
  ARTICLE,
  /** An article carrying planted PII (emails, phone numbers, IP addresses). */
  ARTICLE_WITH_PII,
  /** The same main text as an earlier page, under another URL and site template. */
  EXACT_DUPLICATE,
  /** An earlier page's text with word edits and reordered paragraphs. */
  NEAR_DUPLICATE,
  /** Keyword-stuffed spam. */
  SPAM,
  /** One sentence repeated many times. */
  REPETITIVE,
  /** A page of nothing but link lists. */
  LIST_ONLY,
  /** Random letters in the page's script, in word-like runs. */
  GIBBERISH,
  /** A page with a handful of words of content. */
  TOO_SHORT
}
