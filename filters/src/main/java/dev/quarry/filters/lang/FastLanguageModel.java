package dev.quarry.filters.lang;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;

/**
 * OpenNLP's language detector model evaluated without allocating per n-gram: the same
 * probabilities as {@code LanguageDetectorME.predictLanguages(text)}, up to the order in which
 * the floating-point weights are summed (OpenNLP's is a hash map's; the differences are of the
 * order of 1e-15), several times faster.
 *
 * <h2>What OpenNLP 2.5 computes, and is reproduced here</h2>
 * <ol>
 *   <li><b>Normalization</b> by the default {@link LanguageDetectorFactory}'s chain, in this
 *       order, every replacement being a single space unless said otherwise:
 *       <ol>
 *         <li>emoji: each run of {@code -} or of code points U+D83C..U+10FC00 (Java parses the
 *             regex <code>[&#92;uD83C-&#92;uDBFF&#92;uDC00-&#92;uDFFF]+</code> as that range
 *             plus a hyphen, so it also takes hyphens, private-use, presentation and full-width
 *             forms, and every supplementary character up to U+10FC00);
 *         <li>URLs ({@code https?://…}) and e-mail addresses;
 *         <li>Twitter: {@code [#@]\S+}, {@code \b(rt[ :])+}, faces {@code [:;x]-?[()dop]}
 *             (ASCII case-insensitive: the {@code xp} of "experience" goes too), then laughs
 *             {@code ([hj])+([aieou])+(\1+\2+)+} shortened to two repetitions;
 *         <li>numbers: each run of ASCII digits;
 *         <li>shrink: runs of two or more ASCII white-space characters, then any character
 *             (not a line terminator) repeated three times or more becomes two of it
 *             (ASCII case-insensitively), then {@code String.trim()}.
 *       </ol>
 *   <li><b>Lower-casing</b> of the whole normalized text, code point by code point.
 *   <li><b>Context</b>: every <em>distinct</em> UTF-16 substring of 1 to 3 chars (spaces
 *       included; an n-gram seen several times counts once).
 *   <li><b>MaxEnt (GIS) evaluation</b>: for every outcome, the uniform log prior
 *       {@code log(1 / outcomes)} plus the weights of the context's known predicates;
 *       {@code StrictMath.exp} of each sum divided by their total (no correction constant,
 *       no subtraction of the maximum: a sum past ~709 overflows in both to NaN).
 * </ol>
 *
 * <h2>Why it is faster</h2>
 * OpenNLP runs eleven regexes over the text, builds a {@code CharBuffer} per n-gram in a hash
 * map, copies each to a {@code String}, looks each up in a {@code HashMap<String, Context>} and
 * builds a {@code Context[]}. Here the common path normalizes with in-place char loops over a
 * per-thread buffer; the last three chars, rolled along the text in a {@code long} (16 bits
 * each), are exactly the keys of the 1-, 2- and 3-gram ending there, looked up in a
 * char-indexed array (1-grams) and open-addressing tables (2- and 3-grams) of the model's
 * predicates. As the keys hold the chars themselves, there are no hash collisions (the build
 * still checks that no two predicates share a key). A per-thread stamp array skips n-grams
 * already counted. The weights of frequent predicates are dense rows, which the JIT adds with
 * vector instructions; the rest are sparse. What is left is mostly memory traffic: a 1,200-char
 * text touches about a thousand predicates, half a megabyte of weights.
 *
 * <p>The char-loop normalization covers the emoji, face, number and shrink steps exactly. A
 * text in which one of the rarer steps could apply — after the emoji step it still has a
 * surrogate, an {@code @}, a {@code #}, a {@code ://} or an {@code rt} after a non-word char,
 * or after the face step a possible laugh — is handed to the model's own context generator
 * instead, whose n-grams then go through the same tables.
 *
 * <p>Where OpenNLP throws, so does this: Java's case-insensitive back-reference in the shrink
 * regex reads past the end of a text that ends in a repeated supplementary char, which after
 * the emoji step can only be one of U+10FC01..U+10FFFF.
 *
 * <p>Immutable after construction and thread-safe; scratch space is per thread.
 */
final class FastLanguageModel {
  /** The chars of a bigram's key (the low 32 bits), of a trigram's (the low 48). */
  private static final long BIGRAM_CHARS = 0xFFFF_FFFFL;
  private static final long TRIGRAM_CHARS = 0xFFFF_FFFF_FFFFL;
  /** The context generator's longest n-gram. */
  private static final int MAX_GRAM = 3;
  /** Texts longer than this get a scratch buffer of their own, not kept by the thread. */
  private static final int KEPT_BUFFER_CHARS = 1 << 16;
  /** The last code point the emoji normalizer's regex matches (see the class comment). */
  private static final int EMOJI_LAST = 0x10FC00;
  private static final char EMOJI_FIRST = '\uD83C';

  /**
   * A predicate with weights for at least this many outcomes keeps them in a dense row (zeros
   * for the others), which the JIT adds with vector instructions; the rest are sparse.
   */
  private static final int DENSE_MIN_OUTCOMES = 32;

  private final String[] outcomes;
  private final double logPrior;
  /**
   * The predicate (plus one; 0 for none) of every one-char n-gram, indexed by the char. The
   * predicates of each n-gram length have a table of their own, so that the small, hot ones
   * stay in the caches.
   */
  private final int[] unigrams = new int[1 << Character.SIZE];
  private final GramTable bigrams;
  private final GramTable trigrams;
  /**
   * The dense rows of predicates {@code 0 .. denseRows.length - 1}, one array each: with the
   * row at offset 0, the JIT can vectorize {@code sums[o] += row[o]}, which it does not do for
   * an offset into one shared array (it cannot rule out that the two overlap).
   */
  private final double[][] denseRows;
  /**
   * A predicate {@code p} past the dense ones has the parameters {@code [paramStart[q],
   * paramStart[q + 1])} of {@code paramOutcome} and {@code paramWeight}, where
   * {@code q = p - denseRows.length}.
   */
  private final int[] paramStart;
  private final short[] paramOutcome;
  private final double[] paramWeight;
  private final LanguageDetectorContextGenerator openNlpContext;
  private final ThreadLocal<Scratch> scratch;

  /**
   * Reads the predicates and weights of {@code model}, which must use OpenNLP's default
   * {@link LanguageDetectorFactory} and a GIS model (as {@code langdetect-183.bin} does).
   */
  FastLanguageModel(LanguageDetectorModel model) {
    if (model.getFactory().getClass() != LanguageDetectorFactory.class
        || !(model.getMaxentModel() instanceof GISModel gis)) {
      throw new IllegalArgumentException("only models with OpenNLP's default language detector "
          + "factory and a GIS model are reproduced, not " + model.getFactory().getClass()
          .getName() + " with " + model.getMaxentModel().getClass().getName());
    }
    Object[] data = gis.getDataStructures();
    @SuppressWarnings("unchecked")
    Map<String, Context> predicates = (Map<String, Context>) data[1];
    outcomes = ((String[]) data[2]).clone();
    if (outcomes.length > Short.MAX_VALUE) {
      throw new IllegalArgumentException("too many outcomes: " + outcomes.length);
    }
    // UniformPrior, which every GIS model read from a file uses.
    logPrior = StrictMath.log(1.0 / outcomes.length);
    openNlpContext = model.getFactory().getContextGenerator();

    int dense = 0;
    int sparseParams = 0;
    int[] ofLength = new int[MAX_GRAM + 1];
    for (Map.Entry<String, Context> e : predicates.entrySet()) {
      if (e.getKey().length() <= MAX_GRAM) {
        ofLength[e.getKey().length()]++;
      }
      if (e.getValue().getOutcomes().length >= DENSE_MIN_OUTCOMES) {
        dense++;
      } else {
        sparseParams += e.getValue().getOutcomes().length;
      }
    }
    bigrams = new GramTable(ofLength[2]);
    trigrams = new GramTable(ofLength[3]);
    denseRows = new double[dense][outcomes.length];
    paramStart = new int[predicates.size() - dense + 1];
    paramOutcome = new short[sparseParams];
    paramWeight = new double[sparseParams];
    int nextDense = 0;
    int nextSparse = dense;
    int at = 0;
    for (Map.Entry<String, Context> e : predicates.entrySet()) {
      String gram = e.getKey();
      int[] outs = e.getValue().getOutcomes();
      double[] weights = e.getValue().getParameters();
      int p;
      if (outs.length >= DENSE_MIN_OUTCOMES) {
        p = nextDense++;
        for (int i = 0; i < outs.length; i++) {
          denseRows[p][outs[i]] = weights[i];
        }
      } else {
        p = nextSparse++;
        paramStart[p - dense] = at;
        for (int i = 0; i < outs.length; i++) {
          paramOutcome[at] = (short) outs[i];
          paramWeight[at] = weights[i];
          at++;
        }
        paramStart[p - dense + 1] = at;
      }
      switch (gram.length()) {
        case 1 -> unigrams[gram.charAt(0)] = p + 1;
        case 2 -> bigrams.insert(chars(gram), p, gram);
        case 3 -> trigrams.insert(chars(gram), p, gram);
        default -> { } // never in a context
      }
    }
    scratch = ThreadLocal.withInitial(() -> new Scratch(predicates.size()));
  }

  /** The language codes, in the order of {@link #probabilities}. */
  String[] outcomes() {
    return outcomes.clone();
  }

  /** The probability of every language of {@link #outcomes()} for {@code text}. */
  double[] probabilities(CharSequence text) {
    Scratch s = scratch.get();
    char[] chars = s.buffer(text.length());
    int length = fastContextText(text, chars);
    int generation = s.nextGeneration();
    double[] sums = new double[outcomes.length];
    Arrays.fill(sums, logPrior);
    if (length >= 0) {
      long window = 0; // the last three chars, 16 bits each
      for (int i = 0; i < length; i++) {
        window = (window << Character.SIZE) | chars[i];
        add(unigrams[chars[i]] - 1, sums, s.seen, generation);
        if (i >= 1) {
          add(bigrams.find(window & BIGRAM_CHARS), sums, s.seen, generation);
        }
        if (i >= 2) {
          add(trigrams.find(window & TRIGRAM_CHARS), sums, s.seen, generation);
        }
      }
    } else {
      for (CharSequence gram : openNlpContext.getContext(text)) {
        int predicate = switch (gram.length()) {
          case 1 -> unigrams[gram.charAt(0)] - 1;
          case 2 -> bigrams.find(chars(gram));
          case 3 -> trigrams.find(chars(gram));
          default -> -1;
        };
        add(predicate, sums, s.seen, generation);
      }
    }
    double total = 0;
    for (int o = 0; o < sums.length; o++) {
      sums[o] = StrictMath.exp(sums[o]);
      total += sums[o];
    }
    for (int o = 0; o < sums.length; o++) {
      sums[o] /= total;
    }
    return sums;
  }

  /**
   * The lower-cased normalized text whose n-grams are the context, or null when {@code text}
   * takes the path through OpenNLP's own context generator. For tests.
   */
  String contextText(CharSequence text) {
    char[] chars = new char[text.length()];
    int length = fastContextText(text, chars);
    return length < 0 ? null : new String(chars, 0, length);
  }

  /** Adds the weights of {@code predicate} (none when negative) unless already added. */
  private void add(int predicate, double[] sums, int[] seen, int generation) {
    if (predicate < 0 || seen[predicate] == generation) {
      return;
    }
    seen[predicate] = generation;
    if (predicate < denseRows.length) {
      double[] row = denseRows[predicate];
      for (int o = 0; o < sums.length; o++) {
        sums[o] += row[o];
      }
    } else {
      int q = predicate - denseRows.length;
      for (int j = paramStart[q], end = paramStart[q + 1]; j < end; j++) {
        sums[paramOutcome[j]] += paramWeight[j];
      }
    }
  }

  /** The key of an n-gram of up to three chars: its chars, 16 bits each. */
  private static long chars(CharSequence gram) {
    long key = 0;
    for (int i = 0; i < gram.length(); i++) {
      key = (key << Character.SIZE) | gram.charAt(i);
    }
    return key;
  }

  /**
   * Predicates by key (the n-gram's chars, which it holds exactly): open addressing with linear
   * probing, key and predicate side by side so that a probe reads one cache line.
   */
  private static final class GramTable {
    /** Slot {@code i}: the key at {@code 2 * i}, the predicate plus one (0: empty) after it. */
    private final long[] slots;
    private final int shift;

    GramTable(int entries) {
      int size = 2;
      while (size < 2 * entries) { // at most half full: probes stay short
        size <<= 1;
      }
      slots = new long[2 * size];
      shift = Long.SIZE - Integer.numberOfTrailingZeros(size);
    }

    /** The predicate of {@code key}, or -1. */
    int find(long key) {
      int mask = slots.length / 2 - 1;
      for (int i = home(key); ; i = (i + 1) & mask) {
        long predicate = slots[2 * i + 1];
        if (predicate == 0 || slots[2 * i] == key) {
          return (int) predicate - 1;
        }
      }
    }

    void insert(long key, int predicate, String gram) {
      int mask = slots.length / 2 - 1;
      int i = home(key);
      while (slots[2 * i + 1] != 0) {
        if (slots[2 * i] == key) {
          throw new IllegalStateException("two predicates with the key of '" + gram + "'");
        }
        i = (i + 1) & mask;
      }
      slots[2 * i] = key;
      slots[2 * i + 1] = predicate + 1L;
    }

    private int home(long key) {
      return (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> shift);
    }
  }

  // ---- normalization (the common path) ----

  /**
   * Writes the lower-cased normalized {@code text} to {@code out} (at least as long as the
   * text: no step lengthens it) and returns its length, or -1 when one of the steps not
   * reproduced here could apply.
   */
  private static int fastContextText(CharSequence text, char[] out) {
    int n = text.length();
    if (text instanceof String str) {
      str.getChars(0, n, out, 0);
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = text.charAt(i);
      }
    }
    n = replaceEmoji(out, n);
    if (mayMatchUrlOrTwitter(out, n)) {
      return -1;
    }
    n = replaceFaces(out, n);
    if (mayMatchLaugh(out, n)) {
      return -1;
    }
    n = replaceRuns(out, n, true);
    n = replaceRuns(out, n, false);
    n = shrinkRepeats(out, n);
    int start = 0;
    while (start < n && out[start] <= ' ') {
      start++;
    }
    while (n > start && out[n - 1] <= ' ') {
      n--;
    }
    for (int i = start; i < n; i++) {
      out[i - start] = Character.toLowerCase(out[i]);
    }
    return n - start;
  }

  /**
   * {@code EmojiCharSequenceNormalizer}: each run of code points that are {@code -} or in
   * U+D83C..U+10FC00 (a lone surrogate counts as a code point) becomes a space.
   */
  private static int replaceEmoji(char[] a, int n) {
    int w = 0;
    boolean inRun = false;
    for (int i = 0; i < n; ) {
      char c = a[i];
      int width = 1;
      boolean match;
      if (c == '-') {
        match = true;
      } else if (c < Character.MIN_SURROGATE) {
        match = false;
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(a[i + 1])) {
        width = 2;
        match = Character.toCodePoint(c, a[i + 1]) <= EMOJI_LAST;
      } else {
        match = c >= EMOJI_FIRST;
      }
      if (match) {
        if (!inRun) {
          a[w++] = ' ';
        }
      } else {
        for (int k = 0; k < width; k++) {
          a[w++] = a[i + k];
        }
      }
      inRun = match;
      i += width;
    }
    return w;
  }

  /**
   * Whether, after the emoji step, a surrogate is left (the later regexes and the lower-casing
   * work by code point) or the URL, e-mail, hashtag, mention or retweet regex could match.
   * A retweet marker {@code \b(rt[ :])} is ruled out only after a letter, digit or underscore.
   */
  private static boolean mayMatchUrlOrTwitter(char[] a, int n) {
    for (int i = 0; i < n; i++) {
      char c = a[i];
      if (Character.isSurrogate(c) || c == '@' || c == '#'
          || c == ':' && i + 2 < n && a[i + 1] == '/' && a[i + 2] == '/') {
        return true;
      }
      if ((c | 0x20) == 'r' && i + 2 < n && (a[i + 1] | 0x20) == 't'
          && (a[i + 2] == ' ' || a[i + 2] == ':')
          && !(i > 0 && (a[i - 1] == '_' || Character.isLetterOrDigit(a[i - 1])))) {
        return true;
      }
    }
    return false;
  }

  /** The face regex {@code [:;x]-?[()dop]}, ASCII case-insensitive: each match becomes a space. */
  private static int replaceFaces(char[] a, int n) {
    int w = 0;
    for (int i = 0; i < n; ) {
      char c = a[i];
      if (c == ':' || c == ';' || c == 'x' || c == 'X') {
        int mouth = i + 1 < n && a[i + 1] == '-' ? i + 2 : i + 1; // '-' itself is no mouth
        if (mouth < n && isFaceMouth(a[mouth])) {
          a[w++] = ' ';
          i = mouth + 1;
          continue;
        }
      }
      a[w++] = c;
      i++;
    }
    return w;
  }

  private static boolean isFaceMouth(char c) {
    return switch (c) {
      case '(', ')', 'd', 'D', 'o', 'O', 'p', 'P' -> true;
      default -> false;
    };
  }

  /**
   * Whether the laugh regex {@code ([hj])+([aieou])+(\1+\2+)+} (ASCII case-insensitive) matches:
   * an h or j, a run of vowels, a run of that h or j, then the run's last vowel.
   */
  private static boolean mayMatchLaugh(char[] a, int n) {
    for (int i = 0; i + 3 < n; i++) {
      char letter = asciiLower(a[i]);
      if ((letter != 'h' && letter != 'j') || !isVowel(a[i + 1])) {
        continue;
      }
      int j = i + 1;
      while (j < n && isVowel(a[j])) {
        j++;
      }
      char vowel = asciiLower(a[j - 1]);
      int k = j;
      while (k < n && asciiLower(a[k]) == letter) {
        k++;
      }
      if (k > j && k < n && asciiLower(a[k]) == vowel) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return switch (asciiLower(c)) {
      case 'a', 'e', 'i', 'o', 'u' -> true;
      default -> false;
    };
  }

  /**
   * With {@code digits}, {@code NumberCharSequenceNormalizer}: each run of ASCII digits becomes
   * a space. Without, the shrink normalizer's first step: each run of two or more ASCII
   * white-space chars ({@code \s}) becomes a space.
   */
  private static int replaceRuns(char[] a, int n, boolean digits) {
    int w = 0;
    for (int i = 0; i < n; ) {
      int end = i;
      while (end < n && (digits ? a[end] >= '0' && a[end] <= '9' : isAsciiSpace(a[end]))) {
        end++;
      }
      if (end - i >= (digits ? 1 : 2)) {
        a[w++] = ' ';
        i = end;
      } else {
        a[w++] = a[i++];
      }
    }
    return w;
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * The shrink normalizer's {@code (.)\1{2,}} → {@code $1$1}, ASCII case-insensitive: a char
   * other than a line terminator followed by two or more of it becomes two of it.
   */
  private static int shrinkRepeats(char[] a, int n) {
    int w = 0;
    for (int i = 0; i < n; ) {
      char c = a[i];
      int end = i + 1;
      if (!isLineTerminator(c)) {
        char lower = asciiLower(c);
        while (end < n && asciiLower(a[end]) == lower) {
          end++;
        }
      }
      if (end - i >= 3) {
        a[w++] = c;
        a[w++] = c;
        i = end;
      } else {
        a[w++] = c;
        i++;
      }
    }
    return w;
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Per-thread scratch: the text buffer, and the stamps that mark predicates already added. */
  private static final class Scratch {
    private char[] chars = new char[1024];
    final int[] seen;
    private int generation;

    Scratch(int predicates) {
      seen = new int[predicates];
    }

    char[] buffer(int length) {
      if (length <= chars.length) {
        return chars;
      }
      if (length > KEPT_BUFFER_CHARS) {
        return new char[length];
      }
      chars = new char[Math.max(length, 2 * chars.length)];
      return chars;
    }

    int nextGeneration() {
      if (++generation == 0) {
        Arrays.fill(seen, 0);
        generation = 1;
      }
      return generation;
    }
  }
}
