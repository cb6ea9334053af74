package dev.quarry.jobs.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Edits that turn a page into a near duplicate: word substitutions, deletions and insertions at
 * a rate of 2–10% of words, and sometimes swapped paragraphs. The headline (block 0) is kept.
 */
final class NearDuplicateEdits {
  private NearDuplicateEdits() {}

  static void apply(List<String> blocks, SplittableRandom rnd) {
    double rate = 0.02 + rnd.nextDouble() * 0.08;
    for (int b = 1; b < blocks.size(); b++) {
      List<String> words = new ArrayList<>(Arrays.asList(blocks.get(b).split(" ")));
      if (words.size() < 3) {
        continue;
      }
      List<String> out = new ArrayList<>(words.size() + 4);
      for (String word : words) {
        if (rnd.nextDouble() >= rate) {
          out.add(word);
          continue;
        }
        switch (rnd.nextInt(3)) {
          case 0 -> out.add(words.get(rnd.nextInt(words.size())));
          case 1 -> { }
          default -> {
            out.add(word);
            out.add(words.get(rnd.nextInt(words.size())));
          }
        }
      }
      blocks.set(b, String.join(" ", out));
    }
    if (blocks.size() > 3 && rnd.nextBoolean()) {
      int i = 1 + rnd.nextInt(blocks.size() - 2);
      String tmp = blocks.get(i);
      blocks.set(i, blocks.get(i + 1));
      blocks.set(i + 1, tmp);
    }
  }
}
