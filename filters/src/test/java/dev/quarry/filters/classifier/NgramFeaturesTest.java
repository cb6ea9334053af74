package dev.quarry.filters.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NgramFeaturesTest {
  private static final FeatureSpec UNIGRAMS = new FeatureSpec(1, 1, 1 << 20);
  private static final FeatureSpec BIGRAMS = new FeatureSpec(2, 2, 1 << 20);

  private static int[] buckets(FeatureSpec spec, String text) {
    NgramFeatures features = new NgramFeatures(spec);
    int n = features.hashes(text);
    return IntStream.range(0, n).map(features::bucket).toArray();
  }

  private static int words(String text) {
    return new NgramFeatures(UNIGRAMS).hashes(text);
  }

  @Test
  void wordsAreRunsOfLettersDigitsAndMarksLowerCased() {
    assertThat(buckets(UNIGRAMS, "Hello, WORLD! x2")).containsExactly(
        buckets(UNIGRAMS, "hello world x2"));
    assertThat(words("don't stop-me now_2...")).isEqualTo(6); // don t stop me now 2
    assertThat(words("abc123 ÄÖÜ")).isEqualTo(2);
    assertThat(buckets(UNIGRAMS, "ÉCOLE Straße ΣΟΦΊΑ Москва"))
        .containsExactly(buckets(UNIGRAMS, "école straße σοφία москва"));
    // One word each: Devanagari vowel signs and virama, a decomposed accent, Thai vowels.
    assertThat(words("हिन्दी")).isEqualTo(1);
    assertThat(words("cafe\u0301")).isEqualTo(1);
    assertThat(words("ที่นี่")).isEqualTo(1);
    // A supplementary letter is a letter; emoji and symbols are not words.
    assertThat(words("\uD835\uDC00bc 😀 € — ★")).isEqualTo(1);
    // A run without spaces is one word (no segmentation of Chinese or Japanese).
    assertThat(words("我们今天去公园")).isEqualTo(1);
    // Lone surrogates and controls break words, never throw.
    assertThat(words("a\uD800b\u0000c")).isEqualTo(3);
  }

  @Test
  void nGramCountsAndOrder() {
    NgramFeatures oneTwo = new NgramFeatures(FeatureSpec.DEFAULT);
    assertThat(oneTwo.hashes("one two three four")).isEqualTo(4 + 3);
    assertThat(new NgramFeatures(new FeatureSpec(1, 3, 1 << 20)).hashes("a b c d"))
        .isEqualTo(4 + 3 + 2);
    assertThat(new NgramFeatures(BIGRAMS).hashes("alone")).isZero();
    // Unigrams first, then bigrams; a bigram is not its words, and word order counts.
    int[] all = buckets(FeatureSpec.DEFAULT, "red car");
    assertThat(Arrays.copyOf(all, 2)).containsExactly(buckets(UNIGRAMS, "red car"));
    assertThat(all[2]).isNotIn(all[0], all[1]);
    assertThat(buckets(BIGRAMS, "red car")).isNotEqualTo(buckets(BIGRAMS, "car red"));
    assertThat(buckets(BIGRAMS, "red car")).isNotEqualTo(buckets(BIGRAMS, "redcar"));
  }

  @Test
  void sameTextSameBucketsAcrossInstancesAndCalls() {
    String text = "The council met on Tuesday. The council agreed. ".repeat(40);
    NgramFeatures features = new NgramFeatures(FeatureSpec.DEFAULT);
    int[] first = buckets(FeatureSpec.DEFAULT, text);
    features.hashes("something else entirely, to dirty the buffers");
    int n = features.hashes(text);
    assertThat(IntStream.range(0, n).map(features::bucket).toArray()).containsExactly(first);
    assertThat(first).hasSize(2 * 320 - 1);
    assertThat(IntStream.of(first).allMatch(b -> b >= 0 && b < 1 << 20)).isTrue();
    // Small tables: buckets stay in range.
    int[] two = buckets(new FeatureSpec(1, 2, 2), text);
    assertThat(IntStream.of(two).allMatch(b -> b == 0 || b == 1)).isTrue();
  }

  @Test
  void sparseValuesAreSharesOfDistinctAscendingBuckets() {
    NgramFeatures features = new NgramFeatures(UNIGRAMS);
    NgramFeatures.Sparse the = features.sparse("the THE the cat");
    assertThat(the.size()).isEqualTo(1 << 20);
    assertThat(the.indices()).hasSize(2);
    int theBucket = buckets(UNIGRAMS, "the")[0];
    int at = Arrays.binarySearch(the.indices(), theBucket);
    assertThat(the.values()[at]).isEqualTo(0.75);
    assertThat(the.values()[1 - at]).isEqualTo(0.25);

    NgramFeatures oneTwo = new NgramFeatures(FeatureSpec.DEFAULT);
    for (String text : new String[] {"a", "a a a a", "Ein Beispiel, ein Beispiel und noch eins.",
        "x ".repeat(5000) + "y z", "हिन्दी भाषा और ภาษาไทย, 我们 2024"}) {
      NgramFeatures.Sparse v = oneTwo.sparse(text);
      assertThat(Arrays.stream(v.values()).sum()).as(text).isCloseTo(1.0, within(1e-12));
      assertThat(Arrays.stream(v.values()).allMatch(x -> x > 0)).as(text).isTrue();
      for (int i = 1; i < v.indices().length; i++) {
        assertThat(v.indices()[i]).as(text).isGreaterThan(v.indices()[i - 1]);
      }
      assertThat(v.indices()).hasSameSizeAs(v.values());
    }
  }

  @Test
  void emptyAndWordlessTextsHaveNoFeatures() {
    NgramFeatures features = new NgramFeatures(FeatureSpec.DEFAULT);
    for (String text : new String[] {"", "   \n\t ", "... --- !!! 😀"}) {
      assertThat(features.hashes(text)).as(text).isZero();
      NgramFeatures.Sparse v = features.sparse(text);
      assertThat(v.indices()).isEmpty();
      assertThat(v.values()).isEmpty();
    }
  }
}
