package dev.quarry.jobs.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * New running prose in one language, from a Markov chain over the team's paragraphs: each next
 * word follows the previous two as they do somewhere in the material, or (to leave the
 * material's exact sentences) only the previous one. Pages built from it share the material's
 * vocabulary, word statistics and sentence shape, but two pages rarely share a five-word run, so
 * the corpus has no near-duplicates except the planted ones. Japanese and Chinese are chained by
 * character. Digits are redrawn at random.
 *
 * <p>Within a page the chain would walk the same paths again (the material is a few thousand
 * words), which real articles do not and Gopher's repetition rules punish; so a page's prose is
 * written through a {@link PageProse}, whose {@link NgramGuard} makes each step pick a successor
 * that completes no word 5-gram the page has used. {@link #walk} is one attempt at a sentence.
 */
final class ProseSynthesizer {
  /** Share of steps that follow only the previous word. */
  private static final double BACK_OFF = 0.4;
  private static final int MIN_SENTENCE_WORDS = 5;
  private static final int MAX_SENTENCE_WORDS = 45;
  /** Draws of an unrelated word when no successor is allowed ({@link #jump}). */
  private static final int JUMP_DRAWS = 8;

  private final boolean byCharacter;
  /** The material's distinct words; the chain works on their indexes. */
  private final List<String> vocabulary = new ArrayList<>();
  private final boolean[] endsSentence;
  private final List<int[]> sentenceStarts = new ArrayList<>();
  private final Map<Long, int[]> afterTwo = new HashMap<>();
  private final int[][] afterOne;
  /** Each word's word keys for the {@link NgramGuard} ({@link WordKeys}). */
  private final int[][] keys;
  /** Every word occurrence of the material, so common words are drawn more often. */
  private final int[] occurrences;

  ProseSynthesizer(List<String> paragraphs, boolean byCharacter) {
    this.byCharacter = byCharacter;
    Map<String, Integer> ids = new HashMap<>();
    List<int[]> texts = new ArrayList<>();
    for (String paragraph : paragraphs) {
      List<String> words = split(paragraph);
      int[] text = new int[words.size()];
      for (int i = 0; i < text.length; i++) {
        text[i] = ids.computeIfAbsent(words.get(i), w -> {
          vocabulary.add(w);
          return vocabulary.size() - 1;
        });
      }
      texts.add(text);
    }
    endsSentence = new boolean[vocabulary.size()];
    for (int id = 0; id < endsSentence.length; id++) {
      endsSentence[id] = endsSentence(vocabulary.get(id));
    }
    Map<Integer, List<Integer>> one = new HashMap<>();
    Map<Long, List<Integer>> two = new HashMap<>();
    List<Integer> all = new ArrayList<>();
    for (int[] text : texts) {
      boolean sentenceStart = true;
      for (int i = 0; i < text.length; i++) {
        all.add(text[i]);
        if (sentenceStart && i + 1 < text.length && !startsLowerCase(vocabulary.get(text[i]))) {
          sentenceStarts.add(new int[] {text[i], text[i + 1]});
        }
        if (i >= 1) {
          one.computeIfAbsent(text[i - 1], k -> new ArrayList<>()).add(text[i]);
        }
        if (i >= 2) {
          two.computeIfAbsent(pair(text[i - 2], text[i - 1]), k -> new ArrayList<>())
              .add(text[i]);
        }
        sentenceStart = endsSentence[text[i]];
      }
    }
    afterOne = new int[vocabulary.size()][];
    one.forEach((id, next) -> afterOne[id] = ints(next));
    two.forEach((key, next) -> afterTwo.put(key, ints(next)));
    occurrences = ints(all);
    keys = new WordKeys().of(vocabulary);
  }

  /**
   * After an abbreviation ("z.B.", "ca.") the material goes on in lower case: not a place for a
   * new sentence to start from.
   */
  private static boolean startsLowerCase(String word) {
    return Character.isLowerCase(word.codePointAt(0));
  }

  private static long pair(int first, int second) {
    return ((long) first << 32) | second;
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A paragraph of about {@code targetChars} characters (whole sentences), for one use. */
  String paragraph(int targetChars, SplittableRandom rnd) {
    return page().paragraph(targetChars, rnd);
  }

  /** The prose of a new page: paragraphs that share no word 5-gram with each other. */
  PageProse page() {
    return new PageProse(this);
  }

  /** A random word (or character) of the material, for edits and gibberish. */
  String anyWord(SplittableRandom rnd) {
    return vocabulary.get(occurrences[rnd.nextInt(occurrences.length)]);
  }

  boolean byCharacter() {
    return byCharacter;
  }

  /** What a {@link #walk} does at a word none of whose successors the guard allows. */
  enum DeadEnd {
    /** Gives up (returns false), so that the sentence can be started again elsewhere. */
    GIVE_UP,
    /** Goes on from an unrelated word of the material ({@link #jump}); gives up if none is new. */
    JUMP,
    /** Never comes to one: the guard is only told the words, not asked. */
    REPEAT
  }

  /**
   * Appends one sentence, and the word keys of its words to {@code guard}. Unless
   * {@code deadEnd} is {@link DeadEnd#REPEAT}, every word is one the guard
   * {@link NgramGuard#allows allows}; false when the walk gave up, leaving the caller to undo
   * what it appended.
   */
  boolean walk(StringBuilder out, SplittableRandom rnd, NgramGuard guard, DeadEnd deadEnd) {
    boolean strict = deadEnd != DeadEnd.REPEAT;
    int[] start = sentenceStarts.get(rnd.nextInt(sentenceStarts.size()));
    int previous = start[0];
    int last = start[1];
    if (strict && !guard.allows(keys[previous])) {
      return false;
    }
    append(out, previous, rnd, guard, true);
    if (strict && !guard.allows(keys[last])) {
      return false;
    }
    append(out, last, rnd, guard, false);
    for (int n = 2; n < MAX_SENTENCE_WORDS && !endsSentence[last]; n++) {
      int[] two = rnd.nextDouble() < BACK_OFF ? null : afterTwo.get(pair(previous, last));
      boolean early = n + 1 < MIN_SENTENCE_WORDS;
      int word = choose(two, early, rnd, guard, strict);
      if (word < 0) {
        word = choose(afterOne[last], early, rnd, guard, strict);
      }
      if (word < 0 && afterOne[last] != null) {
        word = deadEnd == DeadEnd.JUMP ? jump(early, rnd, guard) : -1;
        if (word < 0) {
          return false;
        }
      }
      if (word < 0) {
        break;
      }
      append(out, word, rnd, guard, false);
      previous = last;
      last = word;
    }
    if (!endsSentence[last]) {
      trimTrailingPunctuation(out);
      out.append(byCharacter ? '。' : '.');
    }
    return true;
  }

  /**
   * A successor drawn from {@code next} (weighted by how often the material has it), trying
   * the others in turn when the guard does not allow it; a word that ends the sentence only when
   * no other will do if the sentence is still {@code early}. -1 when none is allowed.
   */
  private int choose(int[] next, boolean early, SplittableRandom rnd, NgramGuard guard,
      boolean strict) {
    if (next == null) {
      return -1;
    }
    int from = rnd.nextInt(next.length);
    int fallback = -1;
    for (int i = 0; i < next.length; i++) {
      int word = next[(from + i) % next.length];
      if (strict && !guard.allows(keys[word])) {
        continue;
      }
      if (!early || !endsSentence[word]) {
        return word;
      }
      if (fallback < 0) {
        fallback = word;
      }
    }
    return fallback;
  }

  /**
   * A word of the material that the guard allows, drawn by frequency (a few draws): where every
   * successor the material knows would repeat the page, the sentence goes on from an unrelated
   * word rather than repeat itself, as a long page must once it has used the material's paths.
   * -1 when no draw is allowed.
   */
  private int jump(boolean early, SplittableRandom rnd, NgramGuard guard) {
    for (int draw = 0; draw < JUMP_DRAWS; draw++) {
      int word = occurrences[rnd.nextInt(occurrences.length)];
      if (guard.allows(keys[word]) && !(early && endsSentence[word])) {
        return word;
      }
    }
    return -1;
  }

  private void append(StringBuilder out, int id, SplittableRandom rnd, NgramGuard guard,
      boolean first) {
    guard.add(keys[id]);
    String word = vocabulary.get(id);
    if (!first && !byCharacter) {
      out.append(' ');
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= '0' && c <= '9') {
        boolean leading = i == 0 || word.charAt(i - 1) < '0' || word.charAt(i - 1) > '9';
        out.append((char) ((leading ? '1' : '0') + rnd.nextInt(leading ? 9 : 10)));
      } else {
        out.append(c);
      }
    }
  }

  private static void trimTrailingPunctuation(StringBuilder out) {
    while (out.length() > 0 && !Character.isLetterOrDigit(out.charAt(out.length() - 1))) {
      out.setLength(out.length() - 1);
    }
  }

  private List<String> split(String paragraph) {
    List<String> words = new ArrayList<>();
    if (byCharacter) {
      paragraph.codePoints().filter(cp -> !Character.isWhitespace(cp))
          .forEach(cp -> words.add(new String(Character.toChars(cp))));
    } else {
      for (String w : paragraph.split("\\s+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
    }
    return words;
  }

  static boolean endsSentence(String word) {
    if (word.isEmpty()) {
      return false;
    }
    char c = word.charAt(word.length() - 1);
    if (c == '"' || c == '»' || c == '”' || c == '」' || c == ')') {
      c = word.length() > 1 ? word.charAt(word.length() - 2) : c;
    }
    return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？';
  }
}
