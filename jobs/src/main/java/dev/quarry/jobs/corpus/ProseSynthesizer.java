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
 */
final class ProseSynthesizer {
  /** Share of steps that follow only the previous word. */
  private static final double BACK_OFF = 0.4;
  private static final int MIN_SENTENCE_WORDS = 5;
  private static final int MAX_SENTENCE_WORDS = 45;

  private final boolean byCharacter;
  /** The material's distinct words; the chain works on their indexes. */
  private final List<String> vocabulary = new ArrayList<>();
  private final boolean[] endsSentence;
  private final List<int[]> sentenceStarts = new ArrayList<>();
  private final Map<Long, int[]> afterTwo = new HashMap<>();
  private final int[][] afterOne;
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
        if (sentenceStart && i + 1 < text.length) {
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
  }

  private static long pair(int first, int second) {
    return ((long) first << 32) | second;
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A paragraph of about {@code targetChars} characters (whole sentences). */
  String paragraph(int targetChars, SplittableRandom rnd) {
    StringBuilder out = new StringBuilder(targetChars + 200);
    while (out.length() < targetChars) {
      if (out.length() > 0 && !byCharacter) {
        out.append(' ');
      }
      sentence(out, rnd);
    }
    return out.toString();
  }

  /** A random word (or character) of the material, for edits and gibberish. */
  String anyWord(SplittableRandom rnd) {
    return vocabulary.get(occurrences[rnd.nextInt(occurrences.length)]);
  }

  boolean byCharacter() {
    return byCharacter;
  }

  private void sentence(StringBuilder out, SplittableRandom rnd) {
    int[] start = sentenceStarts.get(rnd.nextInt(sentenceStarts.size()));
    int previous = start[0];
    int last = start[1];
    append(out, vocabulary.get(previous), rnd, true);
    append(out, vocabulary.get(last), rnd, false);
    for (int n = 2; n < MAX_SENTENCE_WORDS; n++) {
      if (endsSentence[last] && n >= MIN_SENTENCE_WORDS) {
        return;
      }
      int[] next = rnd.nextDouble() < BACK_OFF ? null : afterTwo.get(pair(previous, last));
      if (next == null) {
        next = afterOne[last];
      }
      if (next == null) {
        break;
      }
      int word = next[rnd.nextInt(next.length)];
      if (endsSentence[word] && n + 1 < MIN_SENTENCE_WORDS && next.length > 1) {
        word = next[rnd.nextInt(next.length)];
      }
      append(out, vocabulary.get(word), rnd, false);
      previous = last;
      last = word;
    }
    if (!endsSentence[last]) {
      trimTrailingPunctuation(out);
      out.append(byCharacter ? '。' : '.');
    }
  }

  private void append(StringBuilder out, String word, SplittableRandom rnd, boolean first) {
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
