package dev.quarry.dedup.minhash;

import dev.quarry.dedup.bench.ShortRun;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Which loop order {@link MinHasher#signature} should use, on 750 shingles (a ~4 KB text) and
 * 128 hashes: hashes outside with the minimum in a register (what MinHasher does), shingles
 * outside with the 128 minima in an array, and hashes outside four at a time. All three do the
 * same 96,000 multiply-adds mod 2<sup>61</sup> − 1 per signature, each two 64-bit multiplies,
 * so they are expected to be bound by the multiplier rather than by the loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class LoopOrderBenchmark {
  private static final int HASHES = 128;

  private final MinHasher hasher = new MinHasher(HASHES, 42);
  private final long[] multipliers = new long[HASHES];
  private final long[] offsets = new long[HASHES];
  private long[] shingles;

  @Setup
  public void setUp() {
    SplittableRandom family = new SplittableRandom(42); // the family MinHasher draws
    for (int i = 0; i < HASHES; i++) {
      multipliers[i] = 1 + family.nextLong(Mersenne61.P - 1);
      offsets[i] = family.nextLong(Mersenne61.P);
    }
    shingles = new SplittableRandom(1).longs(750).toArray();
    if (!Arrays.equals(shinglesOutside(), hashesOutside())
        || !Arrays.equals(hashesOutsideFourAtATime(), hashesOutside())) {
      throw new IllegalStateException("the loop orders disagree: they must compute one signature");
    }
  }

  @Benchmark
  public long[] hashesOutside() {
    return hasher.signature(shingles);
  }

  @Benchmark
  public long[] shinglesOutside() {
    long[] signature = new long[HASHES];
    Arrays.fill(signature, Long.MAX_VALUE);
    for (long shingle : shingles) {
      long x = Mersenne61.reduce(shingle);
      for (int i = 0; i < HASHES; i++) {
        signature[i] = Math.min(signature[i], Mersenne61.mulAdd(multipliers[i], x, offsets[i]));
      }
    }
    return signature;
  }

  @Benchmark
  public long[] hashesOutsideFourAtATime() {
    long[] reduced = new long[shingles.length];
    for (int j = 0; j < shingles.length; j++) {
      reduced[j] = Mersenne61.reduce(shingles[j]);
    }
    long[] signature = new long[HASHES];
    for (int i = 0; i < HASHES; i += 4) {
      long min0 = Long.MAX_VALUE;
      long min1 = Long.MAX_VALUE;
      long min2 = Long.MAX_VALUE;
      long min3 = Long.MAX_VALUE;
      for (long x : reduced) {
        min0 = Math.min(min0, Mersenne61.mulAdd(multipliers[i], x, offsets[i]));
        min1 = Math.min(min1, Mersenne61.mulAdd(multipliers[i + 1], x, offsets[i + 1]));
        min2 = Math.min(min2, Mersenne61.mulAdd(multipliers[i + 2], x, offsets[i + 2]));
        min3 = Math.min(min3, Mersenne61.mulAdd(multipliers[i + 3], x, offsets[i + 3]));
      }
      signature[i] = min0;
      signature[i + 1] = min1;
      signature[i + 2] = min2;
      signature[i + 3] = min3;
    }
    return signature;
  }

  public static void main(String[] args) throws RunnerException {
    ShortRun.run(LoopOrderBenchmark.class);
  }
}
