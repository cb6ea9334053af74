package dev.quarry.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random prose for dedup tests: words of letters only (digits are folded by shingles). */
public final class Texts {
  private Texts() {}

  /** {@code words} random lower-case words of 3–9 letters, with a full stop every 12 words. */
  public static String random(Random random, int words) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        out.append(i % 12 == 0 ? ". " : " ");
      }
      out.append(word(random));
    }
    return out.append('.').toString();
  }

  /** The text with a share of its words replaced by new random words. */
  public static String edited(Random random, String text, double share) {
    List<String> words = new ArrayList<>(List.of(text.split(" ")));
    int edits = (int) Math.round(words.size() * share);
    for (int e = 0; e < edits; e++) {
      words.set(random.nextInt(words.size()), word(random));
    }
    return String.join(" ", words);
  }

  private static String word(Random random) {
    int length = 3 + random.nextInt(7);
    StringBuilder word = new StringBuilder(length);
    for (int c = 0; c < length; c++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }
}
