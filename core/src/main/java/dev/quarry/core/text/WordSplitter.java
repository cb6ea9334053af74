package dev.quarry.core.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.standard.StandardTokenizerImpl;

/**
 * Splits texts into {@link Words}; one per thread, since tokenizers are stateful and not cheap
 * to build. In core so that every module splits words as the quality filters do.
 *
 * <p><b>How.</b> Lucene's StandardTokenizer (UAX#29 word boundaries) splits every text — or, for the
 * texts where those rules are simple (most alphabetic text, see {@link SimpleWordBreaks}), a
 * table-driven loop that gives the same words several times faster. Lucene makes
 * each Han character and each hiragana character a word of its own and a katakana run one word;
 * those stay as they are. A run of Thai, Lao, Khmer or Myanmar script comes out as one token
 * (those scripts put no spaces between words, and their letters are an alphabet, so neither the
 * run nor its characters are words); each such run is segmented again with ICU's dictionary
 * word break iterator.
 *
 * <p><b>Why characters for Chinese and Japanese.</b> ICU's dictionary segmentation finds real
 * Chinese/Japanese words (~1.7 characters each), but measured on this machine over the sample
 * pages it runs at ~3.5 M chars/s on Chinese/Japanese text (~10 MB/s of UTF-8; Lucene's
 * ICUTokenizer the same), against ~50 M chars/s for StandardTokenizer; with a sixth of the
 * sample's bytes in CJK pages it alone would take a third of the time budget of the quality
 * steps. One character per word is what Lucene's own StandardTokenizer and CJK analyzers index,
 * and what the project's near-duplicate shingles ({@code WordShingles}) use. It counts about
 * 1.7 times the words a dictionary would, so word-count minimums are met sooner (an ordinary
 * page is never rejected for being short in words) and repetition is measured on character
 * n-grams, with which ordinary prose stays far under the thresholds. Thai runs are rarer and
 * ICU segments them at ~15 M chars/s, so they get dictionary words.
 */
public final class WordSplitter {
  private static final ThreadLocal<WordSplitter> FOR_THREAD =
      ThreadLocal.withInitial(WordSplitter::new);
  /** StandardTokenizer's default longest token; longer runs are cut into pieces this long. */
  private static final int MAX_TOKEN_LENGTH = 255;

  /**
   * StandardTokenizer's scanner, used directly: the tokenizer around it only copies each token
   * into attributes, which took a third of the splitting time.
   */
  private final StandardTokenizerImpl scanner = new StandardTokenizerImpl(new StringReader(""));
  private final BreakIterator dictionaryWords = BreakIterator.getWordInstance(ULocale.ROOT);

  private String lastText;
  private Words lastWords;

  private int[] starts = new int[1024];
  private int[] ends = new int[1024];
  private byte[] flags = new byte[1024];
  int size;

  WordSplitter() {
    scanner.setBufferSize(MAX_TOKEN_LENGTH);
  }

  /** This thread's splitter. */
  public static WordSplitter forThread() {
    return FOR_THREAD.get();
  }

  /** Makes {@code words} the result for {@code text} (built without splitting it again). */
  void remember(String text, Words words) {
    lastText = text;
    lastWords = words;
  }

  /**
   * The words of {@code text} (not null); the last result again when the same string (the same
   * instance) comes again.
   */
  public Words words(String text) {
    if (text != lastText) {
      lastWords = split(text);
      lastText = text;
    }
    return lastWords;
  }

  private Words split(String text) {
    size = 0;
    if (SimpleWordBreaks.split(text, this)) {
      return result(text);
    }
    return splitWithLucene(text);
  }

  /** The words of {@code text} as Lucene's scanner (and ICU's dictionaries) make them. */
  Words splitWithLucene(String text) {
    size = 0;
    int runStart = -1;
    int runEnd = -1;
    int runTokens = 0;
    // The scanner takes a high surrogate at the very end as the end of its input and drops the
    // words before it; a space after it changes no word and no offset.
    boolean endsInHighSurrogate = !text.isEmpty()
        && Character.isHighSurrogate(text.charAt(text.length() - 1));
    scanner.yyreset(new StringReader(endsInHighSurrogate ? text + " " : text));
    try {
      for (int type = scanner.getNextToken(); type != StandardTokenizerImpl.YYEOF;
          type = scanner.getNextToken()) {
        int start = scanner.yychar();
        int end = start + scanner.yylength();
        if (type == StandardTokenizerImpl.SOUTH_EAST_ASIAN_TYPE) {
          if (runTokens > 0 && start == runEnd) {
            runEnd = end;
            runTokens++;
            continue;
          }
          segmentRun(text, runStart, runEnd, runTokens);
          runStart = start;
          runEnd = end;
          runTokens = 1;
        } else {
          segmentRun(text, runStart, runEnd, runTokens);
          runTokens = 0;
          byte letter = hasLetter(text, start, end) ? Words.LETTER : 0;
          add(start, end, (byte) (letter | (isDense(type) ? Words.DENSE : 0)));
        }
      }
      segmentRun(text, runStart, runEnd, runTokens);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a string", e);
    }
    return result(text);
  }

  /** Adds the dictionary words of a run of Thai, Lao, Khmer or Myanmar tokens. */
  private void segmentRun(String text, int runStart, int runEnd, int runTokens) {
    if (runTokens == 0) {
      return;
    }
    byte flag = Words.DENSE | Words.LETTER;
    dictionaryWords.setText(text.substring(runStart, runEnd));
    int from = dictionaryWords.first();
    for (int to = dictionaryWords.next(); to != BreakIterator.DONE;
        from = to, to = dictionaryWords.next()) {
      if (dictionaryWords.getRuleStatus() != BreakIterator.WORD_NONE) {
        add(runStart + from, runStart + to, flag);
      }
    }
  }

  void add(int start, int end, byte flag) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      flags = Arrays.copyOf(flags, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    flags[size] = flag;
    size++;
  }

  private Words result(String text) {
    return new Words(text, size, Arrays.copyOf(starts, size), Arrays.copyOf(ends, size),
        Arrays.copyOf(flags, size));
  }

  private static boolean isDense(int type) {
    return type == StandardTokenizerImpl.IDEOGRAPHIC_TYPE
        || type == StandardTokenizerImpl.HIRAGANA_TYPE
        || type == StandardTokenizerImpl.KATAKANA_TYPE
        || type == StandardTokenizerImpl.HANGUL_TYPE;
  }

  static boolean hasLetter(String text, int start, int end) {
    char first = text.charAt(start);
    if (first < 128 && (first | 0x20) >= 'a' && (first | 0x20) <= 'z') {
      return true;
    }
    return Words.anyCodePoint(text, start, end, Character::isLetter);
  }
}
