package dev.quarry.jobs.corpus;

import java.util.List;

/**
 * One synthetic web page: its HTML and, as ground truth, its kind, language, main text blocks
 * and (for duplicates) the index of the page it copies.
 */
public record GeneratedPage(
    int index, String url, String lang, PageKind kind, String title, List<String> mainBlocks,
    List<String> boilerplate, String html, int originalIndex) {

  public String mainText() {
    return String.join("\n\n", mainBlocks);
  }

  /** What a WET conversion of the whole page holds: boilerplate lines around the main text. */
  public String visibleText() {
    int split = Math.min(boilerplate.size(), boilerplate.size() / 2 + 1);
    StringBuilder sb = new StringBuilder(title).append('\n');
    boilerplate.subList(0, split).forEach(line -> sb.append(line).append('\n'));
    mainBlocks.forEach(block -> sb.append(block).append('\n'));
    boilerplate.subList(split, boilerplate.size()).forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }
}
