package dev.quarry.jobs.corpus;

import dev.quarry.core.text.WordShingles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a page's main text into a near duplicate at an intended Jaccard similarity of word
 * 5-gram shingles ({@link WordShingles}): word substitutions, insertions and deletions, now and
 * then two paragraphs swapped, and sometimes a changed header or footer line. Edits are applied
 * in batches sized from the expected effect of one edit, re-measuring after each batch, until the
 * similarity is within half an edit's effect of the target. The headline (block 0) is kept.
 */
final class NearDuplicateEdits {
  private static final int N = WordShingles.DEFAULT_SIZE;

  private NearDuplicateEdits() {}

  /** Expected similarity drop of one word edit at similarity {@code j} with S shingles. */
  static double editEffect(double j, int shingles) {
    return 2.5 * (1 + j) * (1 + j) / Math.max(1, shingles);
  }

  static List<String> apply(List<String> original, double target, SplittableRandom rnd,
      ProseSynthesizer prose, List<String> boilerplate) {
    long[] reference = WordShingles.of(String.join("\n\n", original), N);
    List<List<String>> blocks = new ArrayList<>();
    for (String block : original) {
      blocks.add(new ArrayList<>(tokens(block, prose.byCharacter())));
    }
    if (rnd.nextBoolean()) {
      // A changed header or footer: a site line before the body or after it.
      String line = boilerplate.get(rnd.nextInt(boilerplate.size()));
      blocks.add(rnd.nextBoolean() ? 1 : blocks.size(),
          new ArrayList<>(tokens(line, prose.byCharacter())));
    }
    int s = reference.length;
    double tolerance = editEffect(target, s) / 2;
    List<List<String>> before = null;
    boolean oneAtATime = false;
    while (true) {
      List<String> text = join(blocks, prose.byCharacter());
      double j = WordShingles.jaccard(reference, WordShingles.of(String.join("\n\n", text), N));
      if (j < target - tolerance && before != null) {
        // The last batch went too far: take it back and go on one edit at a time.
        blocks = before;
        oneAtATime = true;
        before = null;
        continue;
      }
      if (j <= target + tolerance) {
        return text;
      }
      double needed = s / (double) N * ((1 - target) / (1 + target) - (1 - j) / (1 + j));
      int batch = oneAtATime ? 1 : Math.max(1, (int) (needed / 2));
      before = batch > 1 ? copy(blocks) : null;
      for (int e = 0; e < batch; e++) {
        edit(blocks, rnd, prose, needed > 4);
      }
    }
  }

  private static List<List<String>> copy(List<List<String>> blocks) {
    List<List<String>> copy = new ArrayList<>(blocks.size());
    blocks.forEach(block -> copy.add(new ArrayList<>(block)));
    return copy;
  }

  private static void edit(List<List<String>> blocks, SplittableRandom rnd,
      ProseSynthesizer prose, boolean mayReorder) {
    if (mayReorder && blocks.size() > 3 && rnd.nextInt(40) == 0) {
      int i = 1 + rnd.nextInt(blocks.size() - 2);
      List<String> tmp = blocks.get(i);
      blocks.set(i, blocks.get(i + 1));
      blocks.set(i + 1, tmp);
      return;
    }
    // A word position in the body, chosen in proportion to block length.
    int total = 0;
    for (int b = 1; b < blocks.size(); b++) {
      total += blocks.get(b).size();
    }
    if (total == 0) {
      return;
    }
    int at = rnd.nextInt(total);
    int b = 1;
    while (at >= blocks.get(b).size()) {
      at -= blocks.get(b).size();
      b++;
    }
    List<String> words = blocks.get(b);
    switch (rnd.nextInt(5)) {
      case 0, 1 -> words.set(at, prose.anyWord(rnd));
      case 2 -> words.add(at, prose.anyWord(rnd));
      default -> {
        if (words.size() > 1) {
          words.remove(at);
        } else {
          words.set(at, prose.anyWord(rnd));
        }
      }
    }
  }

  private static List<String> tokens(String block, boolean byCharacter) {
    if (byCharacter) {
      return block.codePoints().mapToObj(cp -> new String(Character.toChars(cp))).toList();
    }
    return Arrays.asList(block.split(" "));
  }

  private static List<String> join(List<List<String>> blocks, boolean byCharacter) {
    List<String> out = new ArrayList<>(blocks.size());
    for (List<String> block : blocks) {
      if (!block.isEmpty()) {
        out.add(String.join(byCharacter ? "" : " ", block));
      }
    }
    return out;
  }
}
