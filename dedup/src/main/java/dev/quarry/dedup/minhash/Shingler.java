package dev.quarry.dedup.minhash;

import dev.quarry.core.Hashing;
import dev.quarry.core.text.Nfkc;
import dev.quarry.core.text.WordShingles;
import dev.quarry.core.text.WordSplitter;
import dev.quarry.core.text.Words;
import java.util.Arrays;

/**
 * The shingles MinHash sees: n-grams of a text's words, as 64-bit hashes.
 *
 * <p><b>Words</b> are the quality filters' words ({@link WordSplitter}: Unicode word
 * segmentation, with dictionary segmentation for Thai, Lao, Khmer and Myanmar) of the text in
 * NFKC, so dedup and the filters never disagree on what a word is. Each word is normalised
 * before it is hashed: lower case (code point by code point), every digit folded to {@code 0},
 * and every character that is neither a letter, a digit nor a mark dropped — "Don't" and
 * "dont" are one word, as are "3.14" and "2.71". A word with nothing left is no word.
 *
 * <p><b>Scripts written without spaces</b> — Han, Hiragana, Katakana, Thai, Lao, Khmer,
 * Myanmar — give one word per character, so Chinese, Japanese and Thai texts get character
 * n-grams, whatever the dictionary made of them (Hangul, written with spaces, keeps its words).
 *
 * <p><b>Shingle hashes</b>: each word's 64-bit hash w (FNV-1a over its normalised code points,
 * finished with {@link Hashing#mix64}), then for each run of {@code size} consecutive words
 * mix64(k<sub>0</sub>·w<sub>i</sub> + k<sub>1</sub>·w<sub>i+1</sub> + … ) mod 2<sup>64</sup>,
 * k<sub>j</sub> an odd constant per position j ({@link #positionWeights}): order matters, and
 * the products are independent of each other, where folding the words in one after another
 * was a chain of {@code size} dependent mixes per shingle and a quarter of the shingling time.
 * {@link #HASHING} names this scheme. A text with fewer than {@code size} words has no shingle
 * and goes to exact dedup only.
 *
 * @param size words per shingle; FineWeb uses 5, the default
 */
public record Shingler(int size) {
  public static final int DEFAULT_SIZE = 5;
  /**
   * The name of how texts become shingle hashes, recorded in manifests with the MinHash family:
   * signatures of shingles hashed another way cannot be compared.
   */
  public static final String HASHING = "fnv1a-words-weighted-sum";
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long SHINGLE_SEED = 0x9E3779B97F4A7C15L;

  public Shingler {
    if (size < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1 (got " + size + ")");
    }
  }

  /** Shingles of {@value #DEFAULT_SIZE} words. */
  public static Shingler defaults() {
    return new Shingler(DEFAULT_SIZE);
  }

  /** The sorted, distinct shingle hashes; empty when the text has fewer than {@code size} words. */
  public long[] shingles(String text) {
    return WordShingles.sortedDistinct(shinglesOfNfkc(Nfkc.of(text)));
  }

  /**
   * The shingle hashes of a text already in NFKC, in text order with repeats (MinHash needs
   * neither order nor distinctness); empty when the text has fewer than {@code size} words.
   */
  public long[] shinglesOfNfkc(String nfkcText) {
    return shinglesOfNfkc(nfkcText, WordSplitter.forThread());
  }

  /**
   * {@link #shinglesOfNfkc(String)} with the calling thread's splitter given, for a caller that
   * shingles many texts in one thread ({@link WordSplitter#forThread()} is a thread-local
   * lookup, measurable once per document).
   */
  public long[] shinglesOfNfkc(String nfkcText, WordSplitter splitter) {
    WordHashes words = wordHashes(nfkcText, splitter);
    if (words.size < size) {
      return new long[0];
    }
    long[] weights = positionWeights(size);
    long[] shingles = new long[words.size - size + 1];
    for (int i = 0; i < shingles.length; i++) {
      long sum = 0;
      for (int j = 0; j < size; j++) {
        sum += weights[j] * words.values[i + j];
      }
      shingles[i] = Hashing.mix64(sum);
    }
    return shingles;
  }

  /** The odd multiplier of each position of a shingle of {@code size} words. */
  static long[] positionWeights(int size) {
    long[] weights = new long[size];
    for (int j = 0; j < size; j++) {
      weights[j] = Hashing.mix64(SHINGLE_SEED + j) | 1;
    }
    return weights;
  }

  /**
   * Whether a text with these shingles is too short for MinHash: it has no shingle, so it goes
   * to exact dedup only and never gets a signature.
   */
  public boolean tooShort(long[] shingles) {
    return shingles.length == 0;
  }

  /** The hashes of a text's words, in order. */
  private static final class WordHashes {
    long[] values;
    int size;

    WordHashes(int capacity) {
      values = new long[Math.max(capacity, 8)];
    }

    /** Adds {@code hash} unless it is 0, the hash of a word with nothing left of it. */
    void add(long hash) {
      if (hash == 0) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = hash;
    }
  }

  private static WordHashes wordHashes(String text, WordSplitter splitter) {
    Words words = splitter.words(text);
    WordHashes hashes = new WordHashes(words.size());
    for (int w = 0; w < words.size(); w++) {
      int start = words.start(w);
      int end = words.end(w);
      if (!words.dense(w)) {
        hashes.add(wordHash(text, start, end));
        continue;
      }
      // A dense word (CJK, Thai, Hangul): a character of a spaceless script is a word of its
      // own; anything else in it (Hangul syllables) stays together.
      int runStart = start;
      for (int i = start; i < end; ) {
        int cp = text.codePointAt(i);
        int next = i + Character.charCount(cp);
        if (isSpaceless(cp)) {
          hashes.add(wordHash(text, runStart, i));
          hashes.add(wordHash(text, i, next));
          runStart = next;
        }
        i = next;
      }
      hashes.add(wordHash(text, runStart, end));
    }
    return hashes;
  }

  /** The normalised word's hash, or 0 when nothing of it is left after normalisation. */
  private static long wordHash(String text, int start, int end) {
    long h = FNV_OFFSET;
    boolean any = false;
    for (int i = start; i < end; ) {
      int c = text.charAt(i);
      if (c < 0x80) {
        i++;
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
        } else if (c >= '0' && c <= '9') {
          c = '0';
        } else if (c < 'a' || c > 'z') {
          continue;
        }
      } else {
        c = text.codePointAt(i);
        i += Character.charCount(c);
        if (Character.isDigit(c)) {
          c = '0';
        } else if (Character.isLetter(c) || isMark(c)) {
          c = Character.toLowerCase(c);
        } else {
          continue;
        }
      }
      h = (h ^ c) * FNV_PRIME;
      any = true;
    }
    if (!any) {
      return 0;
    }
    long hash = Hashing.mix64(h);
    return hash == 0 ? 1 : hash;
  }

  static boolean isSpaceless(int cp) {
    // Ranges of one script first, to spare the script table's search the common characters.
    if (cp < 0x0E00 || cp >= 0xAC00 && cp <= 0xD7A3) {
      return false; // before Thai; Hangul syllables
    }
    if (cp >= 0x4E00 && cp <= 0x9FEF || cp >= 0x3041 && cp <= 0x3096
        || cp >= 0x30A1 && cp <= 0x30FA) {
      return true; // common ideographs, hiragana, katakana
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return switch (script) {
      case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
      default -> false;
    };
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
