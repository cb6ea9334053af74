package dev.quarry.jobs.corpus;

import java.util.List;

/**
 * One synthetic web page: its HTML and its {@code <title>} (headline and site), and as ground
 * truth its kind, language, main text blocks (block 0 the headline), for duplicates the index of
 * the page it copies and the Jaccard similarity intended (1 for an exact copy), and the PII
 * planted in its main text.
 */
public record GeneratedPage(
    int index, String url, String lang, PageKind kind, String title, List<String> mainBlocks,
    List<String> boilerplate, String html, int originalIndex, double intendedSimilarity,
    List<PiiSpan> pii) {

  /** A PII value planted in the main text, at [start, end) of {@link #mainText()}. */
  public record PiiSpan(String type, String value, int start, int end) {}

  public String mainText() {
    return String.join("\n\n", mainBlocks);
  }

  /** The generator's id for this page, written to JSONL/Parquet and the truth files. */
  public String id() {
    return docId(index);
  }

  public static String docId(int index) {
    return String.format("doc-%09d", index);
  }

  /**
   * What a WET conversion of the whole page holds: the title, then boilerplate lines around the
   * main text.
   */
  public String visibleText() {
    int split = Math.min(boilerplate.size(), boilerplate.size() / 2 + 1);
    StringBuilder sb = new StringBuilder(title).append('\n');
    boilerplate.subList(0, split).forEach(line -> sb.append(line).append('\n'));
    mainBlocks.forEach(block -> sb.append(block).append('\n'));
    boilerplate.subList(split, boilerplate.size()).forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }
}
