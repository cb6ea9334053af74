package dev.quarry.dedup.minhash;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded pairs of random-word texts at a chosen word 5-gram Jaccard similarity: the second text
 * is the first with a fixed number of its words, at random positions, replaced by others.
 */
final class SimilarTexts {
  private static final int SHINGLE_SIZE = 5;
  private static final int VOCABULARY = 20_000;

  private final SplittableRandom random;
  private final List<String> vocabulary = new ArrayList<>();

  SimilarTexts(long seed) {
    this.random = new SplittableRandom(seed);
    Set<String> words = new HashSet<>();
    while (words.size() < VOCABULARY) {
      words.add(randomWord());
    }
    vocabulary.addAll(words);
    vocabulary.sort(null); // HashSet order must not leak into the seeded sequence
  }

  /** {@code length} words drawn from the vocabulary. */
  List<String> text(int length) {
    List<String> words = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      words.add(vocabulary.get(random.nextInt(vocabulary.size())));
    }
    return words;
  }

  /** {@code length} words drawn from the vocabulary, joined by spaces. */
  String textOf(int length) {
    return String.join(" ", text(length));
  }

  /**
   * A copy of {@code words} whose 5-gram Jaccard similarity with it is about {@code target}:
   * replacing a fraction q of the words keeps about a fraction s = (1 − q)^5 of the shingles,
   * and a pair sharing s of n shingles each has Jaccard s / (2 − s), so s = 2J / (1 + J).
   */
  List<String> variant(List<String> words, double target) {
    double kept = 2 * target / (1 + target);
    double replaced = 1 - Math.pow(kept, 1.0 / SHINGLE_SIZE);
    int count = (int) Math.round(replaced * words.size());
    List<Integer> positions = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      positions.add(i);
    }
    List<String> copy = new ArrayList<>(words);
    for (int k = 0; k < count; k++) { // a partial Fisher–Yates: exactly count distinct positions
      int pick = k + random.nextInt(positions.size() - k);
      int position = positions.set(pick, positions.get(k));
      String other;
      do {
        other = vocabulary.get(random.nextInt(vocabulary.size()));
      } while (other.equals(copy.get(position)));
      copy.set(position, other);
    }
    return copy;
  }

  private String randomWord() {
    int length = 3 + random.nextInt(7);
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }
}
