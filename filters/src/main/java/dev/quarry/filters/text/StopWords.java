package dev.quarry.filters.text;

import dev.quarry.core.text.Words;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharacterUtils;

/**
 * The stop words of a language: the default stop-word set of Lucene's analyzer for it, looked up
 * after the same lower-casing and normalisation the analyzer applies before its stop filter (so
 * Greek words match with or without accents, Persian with either form of yeh and kaf, Hindi
 * after Indic normalisation, Turkish after its dotted/dotless i rules and apostrophe cut).
 *
 * <p>{@link #forLanguage} takes the document's {@code lang} (ISO 639-3 as Apache OpenNLP's
 * langdetect model names languages; see {@link StopWordSets} for the mapping). {@code null} and
 * {@code und} (not identified) get the union of every set, so any language's function words
 * count; a code without a Lucene set (Chinese, Korean, Vietnamese, ...) gets {@link #NONE}, and a
 * rule that needs stop words does not apply to it.
 */
public final class StopWords {
  /** No stop words known for the language. */
  public static final StopWords NONE = new StopWords("none", new CharArrayMap<>(0, false),
      Folding.NONE);

  private static final Map<String, StopWords> BY_CODE = new ConcurrentHashMap<>();

  private final String name;
  private final CharArrayMap<Integer> index;
  private final Folding folding;

  private StopWords(String name, CharArrayMap<Integer> index, Folding folding) {
    this.name = name;
    this.index = index;
    this.folding = folding;
  }

  /** The stop words for {@code lang}; built once per language, shared by all threads. */
  public static StopWords forLanguage(String lang) {
    String code = lang == null ? StopWordSets.UNDETERMINED : lang;
    return BY_CODE.computeIfAbsent(code, StopWords::build);
  }

  private static StopWords build(String code) {
    if (code.equals(StopWordSets.UNDETERMINED)) {
      return union();
    }
    StopWordSets.Entry entry = StopWordSets.forCode(code);
    if (entry == null) {
      return NONE;
    }
    return from(entry.name(), entry.set(), entry.folding());
  }

  private static StopWords from(String name, Supplier<CharArraySet> set, Folding folding) {
    CharArrayMap<Integer> index = new CharArrayMap<>(64, false);
    for (Object word : set.get()) {
      addFolded(index, (char[]) word, folding);
    }
    return new StopWords(name, index, folding);
  }

  /** Every set, each word as written and as its analyzer normalises it, looked up lower-cased. */
  private static StopWords union() {
    CharArrayMap<Integer> index = new CharArrayMap<>(8192, false);
    for (StopWordSets.Entry entry : StopWordSets.all()) {
      for (Object word : entry.set().get()) {
        char[] chars = (char[]) word;
        addFolded(index, chars, Folding.NONE);
        addFolded(index, chars, entry.folding());
      }
    }
    return new StopWords("any language", index, Folding.NONE);
  }

  /** Room for a word and what folding may add to it (Thai sara am becomes two chars). */
  private static char[] bufferFor(int length) {
    return new char[Math.max(4, length * 2)];
  }

  private static void addFolded(CharArrayMap<Integer> index, char[] word, Folding folding) {
    char[] buffer = bufferFor(word.length);
    System.arraycopy(word, 0, buffer, 0, word.length);
    int length = fold(buffer, word.length, folding);
    if (length > 0 && !index.containsKey(buffer, 0, length)) {
      index.put(new String(buffer, 0, length), index.size());
    }
  }

  private static int fold(char[] buffer, int length, Folding folding) {
    int folded = folding.beforeLowerCase(buffer, length);
    CharacterUtils.toLowerCase(buffer, 0, folded);
    return folding.afterLowerCase(buffer, folded);
  }

  /** Which set this is, e.g. {@code english}. */
  public String name() {
    return name;
  }

  /** Whether there are stop words at all. */
  public boolean available() {
    return !index.isEmpty();
  }

  public int size() {
    return index.size();
  }

  public boolean contains(CharSequence word) {
    char[] buffer = bufferFor(word.length());
    for (int i = 0; i < word.length(); i++) {
      buffer[i] = word.charAt(i);
    }
    return indexOf(buffer, word.length()) >= 0;
  }

  /**
   * How many different stop words {@code words} holds, counting up to {@code enough} (the scan
   * stops there: a rule only needs to know whether there are enough).
   */
  public int distinctIn(Words words, int enough) {
    if (!available() || enough <= 0) {
      return 0;
    }
    BitSet seen = new BitSet(index.size());
    int distinct = 0;
    char[] buffer = new char[64];
    String text = words.text();
    for (int i = 0; i < words.size() && distinct < enough; i++) {
      int length = words.length(i);
      if (length * 2 > buffer.length) {
        buffer = bufferFor(length);
      }
      text.getChars(words.start(i), words.end(i), buffer, 0);
      int found = indexOf(buffer, length);
      if (found >= 0 && !seen.get(found)) {
        seen.set(found);
        distinct++;
      }
    }
    return distinct;
  }

  /** The index of the word in {@code buffer[0, length)} (folded in place), or -1. */
  private int indexOf(char[] buffer, int length) {
    Integer found = index.get(buffer, 0, fold(buffer, length, folding));
    return found == null ? -1 : found;
  }

  @Override
  public String toString() {
    return "StopWords[" + name + ", " + index.size() + " words]";
  }
}
