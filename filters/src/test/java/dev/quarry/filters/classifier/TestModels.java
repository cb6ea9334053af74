package dev.quarry.filters.classifier;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Tiny models for tests, written as {@code quarry classifier train} lays them out. */
public final class TestModels {
  private TestModels() {}

  /** Weights drawn uniformly from [-2, 2), a third of them zero (so the file is sparse). */
  public static LinearModel random(FeatureSpec spec, long seed) {
    Random random = new Random(seed);
    double[] weights = new double[spec.buckets()];
    for (int b = 0; b < weights.length; b++) {
      weights[b] = random.nextInt(3) == 0 ? 0 : 4 * random.nextDouble() - 2;
    }
    return new LinearModel(spec, random.nextGaussian(), weights);
  }

  /** {@code model} as {@code dir/model.bin} (and a stand-in {@code model.json}); returns dir. */
  public static Path writeDirectory(LinearModel model, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (OutputStream out = Files.newOutputStream(dir.resolve("model.bin"))) {
      model.write(out);
    }
    Files.writeString(dir.resolve("model.json"), "{\"features\": \""
        + model.spec().describe() + "\", \"buckets\": \"" + model.spec().bucketsLabel() + "\"}");
    return dir;
  }
}
