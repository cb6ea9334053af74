package dev.quarry.filters.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.core.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput of the {@code classifier} step: MB/s of UTF-8 text scored with a
 * model of random weights (word n-grams 1-2, 2^20 buckets), whole texts and with
 * {@code per_paragraph}, each after a warm-up, repeating the texts for about 5 s. A measurement
 * to run by hand, not a test:
 * {@code java -cp <test classpath> dev.quarry.filters.classifier.ClassifierThroughput [JSONL]}
 * (default the bundled samples, whose {@code text} fields are read). The scores are summed and
 * printed, so the two runs of a change can be compared for identical results.
 */
public final class ClassifierThroughput {
  private static final double SECONDS = 5;

  private ClassifierThroughput() {}

  public static void main(String[] args) throws IOException {
    Path input = Path.of(args.length > 0 ? args[0] : "samples/jsonl/quarry-sample.jsonl");
    if (!Files.exists(input) && args.length == 0) {
      input = Path.of("..").resolve(input);
    }
    ObjectMapper json = new ObjectMapper();
    List<Document> docs = new ArrayList<>();
    long bytes = 0;
    for (String line : Files.readAllLines(input)) {
      if (!line.isBlank()) {
        String text = json.readTree(line).path("text").asText("");
        docs.add(new Document("d" + docs.size(), text, null, "bench", null, "mem:", null, null,
            null, null, null, null));
        bytes += text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d texts, %.3f MB of UTF-8%n", input, docs.size(),
        bytes / 1e6);

    Path dir = Files.createTempDirectory("classifier-throughput");
    Path model = TestModels.writeDirectory(TestModels.random(FeatureSpec.DEFAULT, 42),
        dir.resolve("model"));
    for (boolean perParagraph : new boolean[] {false, true}) {
      ClassifierStep step = new ClassifierStep(new ClassifierStep.Params(model.toString(),
          "quality", null, null, perParagraph));
      run(step, docs, bytes, 2); // warm-up
      double[] result = run(step, docs, bytes, SECONDS);
      System.out.printf(Locale.ROOT, "%-14s %6.1f MB/s  (%d passes, checksum %.12f)%n",
          perParagraph ? "per_paragraph" : "whole text", result[0], (long) result[1],
          result[2]);
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** MB/s, passes, and the sum of every attr of one pass (to compare versions). */
  private static double[] run(ClassifierStep step, List<Document> docs, long bytes,
      double seconds) {
    long started = System.nanoTime();
    long passes = 0;
    double checksum = 0;
    do {
      checksum = 0;
      for (Document doc : docs) {
        for (double v : step.apply(doc).document().attrs().values()) {
          checksum += v;
        }
      }
      passes++;
    } while (System.nanoTime() - started < seconds * 1e9);
    double elapsed = (System.nanoTime() - started) / 1e9;
    return new double[] {passes * bytes / 1e6 / elapsed, passes, checksum};
  }

}
