package dev.quarry.filters.lists;

import dev.quarry.core.Document;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.Verdict;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Counts the listed words and phrases in a document's text per 1,000 words and drops it above
 * {@code max_per_1000_words} ({@code content_word_list}); the rate goes to
 * {@code attrs["content_word_list.per_1000"]}.
 *
 * <p>Words are the runs of letters, digits and combining marks, lower-cased character by
 * character (no analyzer, and no string per word: the step stays fast); a list entry is split the same way, so an entry of several words is a
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
  private final CharArrayMap<List<String[]>> entries;
  /** The {@link #shape}s of the entries' first words. */
  private final BitSet firstWords;
  private static final int SHAPES = 1 << 16;
  private final Params params;
  /** Scratch for one document (a step is used by one thread at a time): word offsets. */
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private char[] lower = new char[64];

  public ContentWordList(Params params) {
    this.params = params;
    this.entries = ListFiles.cached("content_words", "lists",
        ListFiles.checkPaths(params.lists(), "lists"), ContentWordList::index);
    this.firstWords = shapes(entries);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Document document) {
    String text = document.text() == null ? "" : document.text();
    int words = split(text);
    if (params.minWords().notReachedBy(words)) {
      return Verdict.keep(document);
    }
    double per1000 = words == 0 ? 0 : 1000.0 * countSplit(text, words) / words;
    Document annotated = document.withAttrs(Map.of(ATTR, per1000));
    return params.maxPer1000Words().exceededBy(per1000)
        ? Verdict.drop(annotated, REASON) : Verdict.keep(annotated);
  }

  /** Non-overlapping occurrences of the entries in {@code text}, longest match first. */
  int count(String text) {
    return countSplit(text, split(text));
  }

  /**
   * Finds the words of {@code text} (runs of {@link ListFiles#wordChar} characters) into
   * {@link #starts}/{@link #ends} without making a string per word; returns how many.
   */
  private int split(String text) {
    int n = 0;
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (ListFiles.wordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        n = add(n, start, i);
        start = -1;
      }
      i += Character.charCount(cp);
    }
    return start >= 0 ? add(n, start, text.length()) : n;
  }

  private int add(int n, int start, int end) {
    if (n == starts.length) {
      starts = java.util.Arrays.copyOf(starts, n * 2);
      ends = java.util.Arrays.copyOf(ends, n * 2);
    }
    starts[n] = start;
    ends[n] = end;
    return n + 1;
  }

  private int countSplit(String text, int words) {
    int count = 0;
    for (int i = 0; i < words; ) {
      int matched = longestMatch(text, words, i);
      if (matched > 0) {
        count++;
        i += matched;
      } else {
        i++;
      }
    }
    return count;
  }

  private int longestMatch(String text, int words, int at) {
    if (!firstWords.get(shape(text.charAt(starts[at]), text.charAt(ends[at] - 1),
        ends[at] - starts[at]))) {
      return 0;
    }
    int length = lowerInto(text, at);
    List<String[]> candidates = entries.get(lower, 0, length);
    if (candidates == null) {
      return 0;
    }
    for (String[] entry : candidates) {
      if (at + entry.length <= words && matches(text, at, entry)) {
        return entry.length;
      }
    }
    return 0;
  }

  private boolean matches(String text, int at, String[] entry) {
    for (int j = 1; j < entry.length; j++) {
      int length = lowerInto(text, at + j);
      if (length != entry[j].length() || !entry[j].contentEquals(
          java.nio.CharBuffer.wrap(lower, 0, length))) {
        return false;
      }
    }
    return true;
  }

  /** Word {@code i} lower-cased into {@link #lower}; returns its length. */
  private int lowerInto(String text, int i) {
    int length = ends[i] - starts[i];
    if (length > lower.length) {
      lower = new char[Math.max(length, lower.length * 2)];
    }
    for (int k = 0; k < length; k++) {
      lower[k] = Character.toLowerCase(text.charAt(starts[i] + k));
    }
    return length;
  }

  /**
   * A cheap fingerprint of a word — first and last character lower-cased, and length — so that
   * most words of a text are known not to start an entry before they are lower-cased and looked
   * up.
   */
  private static int shape(char first, char last, int length) {
    return (Character.toLowerCase(first) * 31 + Character.toLowerCase(last)) * 31 + length
        & SHAPES - 1;
  }

  private static BitSet shapes(CharArrayMap<List<String[]>> entries) {
    BitSet shapes = new BitSet(SHAPES);
    for (List<String[]> list : entries.values()) {
      String first = list.get(0)[0];
      shapes.set(shape(first.charAt(0), first.charAt(first.length() - 1), first.length()));
    }
    return shapes;
  }

  /** The same lower-casing as {@link #lowerInto}, for list entries. */
  private static String lower(String word) {
    char[] chars = word.toCharArray();
    for (int k = 0; k < chars.length; k++) {
      chars[k] = Character.toLowerCase(chars[k]);
    }
    return new String(chars);
  }

  private static CharArrayMap<List<String[]>> index(List<String> lines) {
    Map<String, List<String[]>> index = new HashMap<>();
    for (String line : lines) {
      String[] words = ListFiles.tokens(line).stream().map(ContentWordList::lower)
          .toArray(String[]::new);
      if (words.length > 0) {
        index.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
      }
    }
    CharArrayMap<List<String[]>> sorted = new CharArrayMap<>(index.size(), false);
    index.forEach((first, list) -> {
      list.sort(Comparator.comparingInt((String[] e) -> e.length).reversed());
      sorted.put(first, List.copyOf(list));
    });
    return CharArrayMap.unmodifiableMap(sorted);
  }
}
