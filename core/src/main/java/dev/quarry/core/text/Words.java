package dev.quarry.core.text;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The words of one text, as offsets into it (no copies). A <em>word</em> is a token of Unicode
 * word segmentation (UAX#29, Lucene's StandardTokenizer): each Han and hiragana character is a
 * word, and runs of Thai, Lao, Khmer and Myanmar script are segmented into dictionary words (see
 * {@link WordSplitter} for why).
 * Punctuation and symbols are not words; a whitespace-separated piece of the text that holds no
 * word at all ({@code |}, {@code —}, {@code ...}, {@code •}) is a <em>symbol piece</em>. The
 * published heuristics count words the way a whitespace split or NLTK would, where such pieces
 * are words too: {@link #countWithSymbols()} gives that count.
 *
 * <p>Words do not depend on the document's language: scripts decide the split. Stop words do
 * (the filters' {@code StopWords}). Build with {@link #of(String)}, which reuses the last result
 * of the thread when the same text comes again (the steps of a chain usually see the same
 * string).
 */
public final class Words {
  static final byte LETTER = 1;
  static final byte DENSE = 2;

  private final String text;
  private final int size;
  private final int[] starts;
  private final int[] ends;
  private final byte[] flags;
  /** Found when first asked for: deduplication's shingles never need them. */
  private SymbolPieces symbolPieceStarts;
  private final int dense;
  private final int withLetter;

  /** The starts of a text's symbol pieces, ascending. */
  private record SymbolPieces(int[] starts, int count) {}

  Words(String text, int size, int[] starts, int[] ends, byte[] flags) {
    this(text, size, starts, ends, flags, null);
  }

  private Words(String text, int size, int[] starts, int[] ends, byte[] flags,
      SymbolPieces symbolPieces) {
    this.text = text;
    this.size = size;
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
    this.symbolPieceStarts = symbolPieces;
    int denseWords = 0;
    int letterCount = 0;
    for (int i = 0; i < size; i++) {
      denseWords += (flags[i] & DENSE) != 0 ? 1 : 0;
      letterCount += (flags[i] & LETTER) != 0 ? 1 : 0;
    }
    this.dense = denseWords;
    this.withLetter = letterCount;
  }

  /** The words of {@code text}; never null, empty for a null or blank text. */
  public static Words of(String text) {
    return WordSplitter.forThread().words(text == null ? "" : text);
  }

  /**
   * The words of {@code joined}, the lines {@code [lineStarts[k], lineEnds[k])} of
   * {@code source}'s text (ascending, each trimmed of surrounding whitespace and otherwise
   * unchanged) joined by {@code \n}, taken from {@code source} instead of splitting again; also
   * what {@link #of} gives for {@code joined} on this thread from now on. Word boundaries never
   * cross a line break or a space, so the words are the same as a new split would find.
   */
  public static Words ofJoinedLines(Words source, String joined, int[] lineStarts,
      int[] lineEnds, int lines) {
    int[] newStarts = new int[source.size];
    int[] newEnds = new int[source.size];
    byte[] newFlags = new byte[source.size];
    SymbolPieces symbols = source.symbolPieceStarts();
    int[] newSymbols = new int[symbols.count()];
    int words = 0;
    int symbolCount = 0;
    int word = 0;
    int symbol = 0;
    int offset = 0;
    for (int k = 0; k < lines; k++) {
      int start = lineStarts[k];
      int end = lineEnds[k];
      int shift = offset - start;
      while (word < source.size && source.starts[word] < start) {
        word++;
      }
      for (; word < source.size && source.starts[word] < end; word++) {
        newStarts[words] = source.starts[word] + shift;
        newEnds[words] = source.ends[word] + shift;
        newFlags[words++] = source.flags[word];
      }
      while (symbol < symbols.count() && symbols.starts()[symbol] < start) {
        symbol++;
      }
      for (; symbol < symbols.count() && symbols.starts()[symbol] < end; symbol++) {
        newSymbols[symbolCount++] = symbols.starts()[symbol] + shift;
      }
      offset += end - start + 1;
    }
    Words result = new Words(joined, words, newStarts, newEnds, newFlags,
        new SymbolPieces(newSymbols, symbolCount));
    WordSplitter.forThread().remember(joined, result);
    return result;
  }

  public String text() {
    return text;
  }

  /** How many words. */
  public int size() {
    return size;
  }

  /** Words plus symbol pieces: the word count of a whitespace split. */
  public int countWithSymbols() {
    return size + symbolPieceStarts().count();
  }

  public int symbolPieces() {
    return symbolPieceStarts().count();
  }

  public int start(int i) {
    return starts[check(i)];
  }

  public int end(int i) {
    return ends[check(i)];
  }

  /** Length in UTF-16 chars. */
  public int length(int i) {
    return ends[check(i)] - starts[i];
  }

  public String word(int i) {
    return text.substring(starts[check(i)], ends[i]);
  }

  /** Whether the word has a letter (Unicode category L), as Python's {@code isalpha} finds. */
  public boolean hasLetter(int i) {
    return (flags[check(i)] & LETTER) != 0;
  }

  /**
   * Whether the word is in a script that packs a syllable or a word into a character, or that
   * writes no spaces: Han, kana, Hangul, Thai, Lao, Khmer, Myanmar. Measures made for alphabets
   * separated by spaces (Gopher's mean word length) do not fit those.
   */
  public boolean dense(int i) {
    return (flags[check(i)] & DENSE) != 0;
  }

  /** How many words have a letter. */
  public int withLetter() {
    return withLetter;
  }

  /** How many words are {@link #dense}. */
  public int denseCount() {
    return dense;
  }

  /** More than half of the words are {@link #dense}. */
  public boolean mostlyDense() {
    return dense * 2 > size;
  }

  /** Words and symbol pieces that start within [from, to) of the text. */
  public int countWithSymbolsIn(int from, int to) {
    SymbolPieces symbols = symbolPieceStarts();
    return between(starts, size, from, to) + between(symbols.starts(), symbols.count(), from, to);
  }

  private SymbolPieces symbolPieceStarts() {
    SymbolPieces found = symbolPieceStarts;
    if (found == null) {
      found = findSymbolPieces();
      symbolPieceStarts = found; // a record of final fields: safe to publish without a lock
    }
    return found;
  }

  /**
   * Finds the whitespace-separated pieces that hold no word. Such pieces lie in the gaps between
   * words; a non-space run of a gap that touches a word ("word," or "(word") is part of that
   * word's piece.
   */
  private SymbolPieces findSymbolPieces() {
    int[] symbolStarts = new int[16];
    int symbols = 0;
    int gapStart = 0;
    for (int word = 0; word <= size; word++) {
      int gapEnd = word < size ? starts[word] : text.length();
      int i = gapStart;
      while (i < gapEnd) {
        if (isSpace(text.charAt(i))) {
          i++;
          continue;
        }
        int runStart = i;
        while (i < gapEnd && !isSpace(text.charAt(i))) {
          i++;
        }
        boolean touchesWordBefore = runStart == gapStart && word > 0;
        boolean touchesWordAfter = i == gapEnd && word < size;
        if (!touchesWordBefore && !touchesWordAfter) {
          if (symbols == symbolStarts.length) {
            symbolStarts = Arrays.copyOf(symbolStarts, symbols * 2);
          }
          symbolStarts[symbols++] = runStart;
        }
      }
      gapStart = word < size ? ends[word] : gapEnd;
    }
    return new SymbolPieces(symbolStarts, symbols);
  }

  /**
   * Whitespace as Python's {@code str.split()} and {@code str.strip()} see it: Java's
   * {@code isWhitespace} leaves out the no-break spaces.
   */
  public static boolean isSpace(char c) {
    if (c < 128) {
      return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c' && c <= '\u001f';
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Whether a code point of {@code text[from, to)} passes {@code test}. */
  public static boolean anyCodePoint(String text, int from, int to, IntPredicate test) {
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      if (test.test(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  private static int between(int[] sorted, int n, int from, int to) {
    return firstAtOrAfter(sorted, n, to) - firstAtOrAfter(sorted, n, from);
  }

  private static int firstAtOrAfter(int[] sorted, int n, int offset) {
    int found = Arrays.binarySearch(sorted, 0, n, offset); // starts are strictly increasing
    return found < 0 ? -found - 1 : found;
  }

  private int check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("word " + i + " of " + size);
    }
    return i;
  }
}
