package dev.quarry.dedup.bench;

import dev.quarry.dedup.minhash.MinHasher;
import dev.quarry.dedup.minhash.Shingler;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Per-document MinHash cost on one core: shingling a ~4 KB English-like text into word
 * 5-grams, the 128-hash signature of those shingles, and both together (what the signature job
 * does per document). MB/s of text per core = ops/s × {@link #TEXT_BYTES} / 10^6.
 *
 * <p>Run {@link #main} ({@link ShortRun}'s settings, about 30 s); the class path must hold the
 * test classes, where JMH's annotation processor writes the benchmark list at test-compile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class SignatureBenchmark {
  /** The UTF-8 size the benchmark text is cut to. */
  static final int TEXT_BYTES = 4096;

  private static final String[] WORDS = (
      "the of and to in a is that for it as was with be by on not he this are or his from at"
      + " which but have an they you were her she there one all we their been has would when"
      + " more will who if no out so said what up its about into than them can only other new"
      + " some could time these two may then first any my now such like our over man me even"
      + " most made after also did many before must through back years where much your way"
      + " well down should because each just those people how too little state good very make"
      + " world still own see men work long get here between both life being under never day"
      + " same another know while last might us great old year off come since against go came"
      + " right used take three system program development government market research pipeline"
      + " deduplication documents crawl language quality filter similarity signature")
      .split(" ");

  private final Shingler shingler = Shingler.defaults();
  private final MinHasher hasher = new MinHasher(128, 42);
  private String text;
  private long[] shingles;

  @Setup
  public void setUp() {
    text = englishLikeText(new SplittableRandom(1), TEXT_BYTES);
    shingles = shingler.shingles(text);
  }

  @Benchmark
  public long[] shingle() {
    return shingler.shingles(text);
  }

  @Benchmark
  public long[] signature() {
    return hasher.signature(shingles);
  }

  @Benchmark
  public long[] shingleAndSignature() {
    return hasher.signature(shingler.shingles(text));
  }

  /** Sentences of common words with capitals, commas and full stops, cut to a word boundary. */
  static String englishLikeText(SplittableRandom random, int maxBytes) {
    StringBuilder text = new StringBuilder();
    while (true) {
      int sentenceWords = 8 + random.nextInt(17);
      StringBuilder sentence = new StringBuilder();
      for (int i = 0; i < sentenceWords; i++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1)
            : word);
        sentence.append(i == sentenceWords - 1 ? ". " : random.nextInt(8) == 0 ? ", " : " ");
      }
      if (text.length() + sentence.length() > maxBytes) {
        return text.toString().strip();
      }
      text.append(sentence);
    }
  }

  public static void main(String[] args) throws RunnerException {
    String text = englishLikeText(new SplittableRandom(1), TEXT_BYTES);
    System.out.printf("text: %d bytes of UTF-8, %d distinct 5-word shingles%n",
        text.getBytes(StandardCharsets.UTF_8).length, Shingler.defaults().shingles(text).length);
    ShortRun.run(SignatureBenchmark.class);
  }
}
