package dev.quarry.filters.lists;

import dev.quarry.core.Document;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the listed words and phrases in a document's text per 1,000 words and drops it above
 * {@code max_per_1000_words} ({@code content_word_list}); the rate goes to
 * {@code attrs["content_word_list.per_1000"]}.
 *
 * <p>Words are the runs of letters, digits and combining marks, lower-cased (no analyzer: the
 * step stays fast); a list entry is split the same way, so an entry of several words is a
 * phrase matched word by word. The text is scanned left to right; where entries match at one
 * word, the longest counts once and the scan goes on after it (matches do not overlap).
 */
public final class ContentWordList implements DocumentStep {
  public static final String NAME = "content_word_list";
  public static final String REASON = "content_word_list";
  public static final String ATTR = "content_word_list.per_1000";

  static final List<String> DEFAULT_LISTS =
      List.of(ListFiles.CLASSPATH + "lists/content-words.txt");

  public record Params(List<String> lists,
      @com.fasterxml.jackson.annotation.JsonProperty("max_per_1000_words")
      Threshold maxPer1000Words, Threshold minWords)
      implements YamlConfig.Validated {
    public Params {
      lists = lists == null ? DEFAULT_LISTS : lists;
      maxPer1000Words = Threshold.orDefault(maxPer1000Words, 2.0);
      minWords = Threshold.orDefault(minWords, 0);
    }

    public static Params defaults() {
      return new Params(null, null, null);
    }

    @Override
    public void validate() {
      ListFiles.checkPaths(lists, "lists");
      maxPer1000Words.requireBetween(0, 1000, "max_per_1000_words");
      minWords.requireWhole(0, Integer.MAX_VALUE, "min_words");
    }
  }

  /** The entries by their first word, each as its words, longest first. */
  private final Map<String, List<String[]>> entries;
  private final Params params;

  public ContentWordList(Params params) {
    this.params = params;
    this.entries = ListFiles.cached("content_words", "lists",
        ListFiles.checkPaths(params.lists(), "lists"), ContentWordList::index);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Document document) {
    List<String> words = ListFiles.tokens(document.text() == null ? "" : document.text());
    if (params.minWords().notReachedBy(words.size())) {
      return Verdict.keep(document);
    }
    double per1000 = words.isEmpty() ? 0 : 1000.0 * count(words) / words.size();
    Document annotated = document.withAttrs(Map.of(ATTR, per1000));
    return params.maxPer1000Words().exceededBy(per1000)
        ? Verdict.drop(annotated, REASON) : Verdict.keep(annotated);
  }

  /** Non-overlapping occurrences of the entries in {@code words}, longest match first. */
  int count(List<String> words) {
    int count = 0;
    for (int i = 0; i < words.size(); ) {
      int matched = longestMatch(words, i);
      if (matched > 0) {
        count++;
        i += matched;
      } else {
        i++;
      }
    }
    return count;
  }

  private int longestMatch(List<String> words, int at) {
    List<String[]> candidates = entries.get(words.get(at));
    if (candidates == null) {
      return 0;
    }
    for (String[] entry : candidates) {
      if (at + entry.length <= words.size() && matches(words, at, entry)) {
        return entry.length;
      }
    }
    return 0;
  }

  private static boolean matches(List<String> words, int at, String[] entry) {
    for (int j = 1; j < entry.length; j++) {
      if (!entry[j].equals(words.get(at + j))) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, List<String[]>> index(List<String> lines) {
    Map<String, List<String[]>> index = new HashMap<>();
    for (String line : lines) {
      List<String> words = ListFiles.tokens(line);
      if (!words.isEmpty()) {
        index.computeIfAbsent(words.get(0), w -> new ArrayList<>())
            .add(words.toArray(new String[0]));
      }
    }
    Map<String, List<String[]>> sorted = new HashMap<>();
    index.forEach((first, list) -> {
      list.sort(Comparator.comparingInt((String[] e) -> e.length).reversed());
      sorted.put(first, List.copyOf(list));
    });
    return Map.copyOf(sorted);
  }
}
