package dev.quarry.core.text;

import dev.quarry.core.Hashing;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word n-gram shingles of a text after normalisation, as 64-bit hashes, and the Jaccard
 * similarity of two shingle sets. Normalisation: Unicode NFKC, lower case, every digit folded to
 * {@code 0}; punctuation and whitespace separate words. Han, Hiragana, Katakana and Thai
 * characters are one word each, since those scripts do not put spaces between words.
 *
 * <p>This is the similarity the corpus generator plants near-duplicates at and the one
 * deduplication estimates with MinHash.
 */
public final class WordShingles {
  public static final int DEFAULT_SIZE = 5;

  private WordShingles() {}

  /** The normalised words of a text, in order. */
  public static List<String> words(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < normal.length(); ) {
      int cp = normal.codePointAt(i);
      i += Character.charCount(cp);
      if (isOneCharacterWord(cp)) {
        flush(word, words);
        words.add(new String(Character.toChars(cp)));
      } else if (Character.isDigit(cp)) {
        word.append('0');
      } else if (Character.isLetter(cp) || isMark(cp)) {
        word.appendCodePoint(cp);
      } else {
        flush(word, words);
      }
    }
    flush(word, words);
    return words;
  }

  /**
   * The sorted, distinct hashes of the text's word n-grams; empty when the text has fewer than
   * {@code n} words.
   */
  public static long[] of(String text, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("shingle size must be at least 1 (got " + n + ")");
    }
    List<String> words = words(text);
    if (words.size() < n) {
      return new long[0];
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = hash(words.get(i));
    }
    long[] shingles = new long[words.size() - n + 1];
    for (int i = 0; i < shingles.length; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = 0; j < n; j++) {
        h = Hashing.mix64(h * 31 + wordHashes[i + j]);
      }
      shingles[i] = h;
    }
    return sortedDistinct(shingles);
  }

  /** The distinct values of {@code hashes}, sorted (sorts {@code hashes} in place). */
  public static long[] sortedDistinct(long[] hashes) {
    Arrays.sort(hashes);
    return distinct(hashes);
  }

  /** |a ∩ b| / |a ∪ b| for two sorted distinct arrays; 0 when both are empty. */
  public static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - shared;
    return union == 0 ? 0 : (double) shared / union;
  }

  /** Jaccard similarity of two texts' {@code n}-word shingles. */
  public static double jaccard(String a, String b, int n) {
    return jaccard(of(a, n), of(b, n));
  }

  private static boolean isOneCharacterWord(int cp) {
    if (cp < 0x0E00 || cp > 0x0E7F && cp < 0x2E80) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  /** 64-bit FNV-1a over the UTF-16 code units, finished with a strong mix. */
  static long hash(String word) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < word.length(); i++) {
      h ^= word.charAt(i);
      h *= 0x100000001b3L;
    }
    return Hashing.mix64(h);
  }

  private static long[] distinct(long[] sorted) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }
}
