package dev.quarry.filters.lang;

import dev.quarry.filters.text.StopWords;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Function words as evidence for short texts. A heading of two or three words gives the
 * character n-gram model too little to go on, but if one of its words is a stop word of a
 * language (Lucene's set for it, {@link StopWords}) — "mon compte", "kontakta oss", "ver todo" —
 * that is good evidence for the language. Each distinct stop word multiplies the language's
 * weight by {@link #FACTOR}, at most {@link #MOST} of them; a longer text gets no factor at all,
 * the model is reliable there.
 */
final class ShortTextEvidence {
  /** Texts with more words than this are left to the model. */
  static final int MAX_WORDS = 8;
  /** Longer texts than this cannot be short enough: not even split. */
  static final int MAX_CHARS = 200;
  /** The weight of one stop word: a stop word of the language is three times likelier in it. */
  static final double FACTOR = 3;
  static final int MOST = 2;
  private static final ShortTextEvidence NONE = new ShortTextEvidence(new String[0]);
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}]+");

  private final String[] words;
  private final Map<String, Double> factors = new HashMap<>();

  private ShortTextEvidence(String[] words) {
    this.words = words;
  }

  /** The evidence in {@code lowerText} (already lower-cased). */
  static ShortTextEvidence of(String lowerText) {
    if (lowerText.length() > MAX_CHARS) {
      return NONE;
    }
    String[] words = NOT_WORD.split(lowerText.strip());
    return words.length == 0 || words.length > MAX_WORDS ? NONE : new ShortTextEvidence(words);
  }

  /** The factor for {@code lang}: {@code FACTOR} to the number of its stop words (at most two). */
  double factor(String lang) {
    if (words.length == 0) {
      return 1;
    }
    return factors.computeIfAbsent(lang, this::compute);
  }

  private double compute(String lang) {
    StopWords stopWords = StopWords.forLanguage(lang);
    if (!stopWords.available()) {
      return 1;
    }
    int found = 0;
    for (int i = 0; i < words.length && found < MOST; i++) {
      boolean repeat = false;
      for (int j = 0; j < i; j++) {
        repeat |= words[j].equals(words[i]);
      }
      if (!repeat && !words[i].isEmpty() && stopWords.contains(words[i])) {
        found++;
      }
    }
    return Math.pow(FACTOR, found);
  }
}
