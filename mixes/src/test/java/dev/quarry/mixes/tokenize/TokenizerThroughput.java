package dev.quarry.mixes.tokenize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread tokenizer throughput on the repository's sample documents: one line per
 * tokenizer with MB/s of UTF-8 text. A measurement to run by hand, not a test:
 * {@code java -cp <test classpath> dev.quarry.mixes.tokenize.TokenizerThroughput [jsonl]}.
 */
public final class TokenizerThroughput {
  private static final double SECONDS_PER_TOKENIZER = 5;

  private TokenizerThroughput() {}

  public static void main(String[] args) throws IOException {
    Path jsonl = args.length > 0 ? Path.of(args[0]) : SamplePages.JSONL;
    if (!Files.exists(jsonl) && args.length == 0) {
      jsonl = Path.of("..").resolve(jsonl);
    }
    List<String> texts = SamplePages.texts(jsonl);
    long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    System.out.printf(Locale.ROOT, "%s: %d documents, %.2f MB of UTF-8%n",
        jsonl, texts.size(), bytes / 1e6);

    DjlCache.useBuildDirectory();
    Path dir = Files.createTempDirectory("tokenizer-throughput");
    dir.toFile().deleteOnExit();
    Path gpt2File = Gpt2TokenizerJson.write(dir);
    gpt2File.toFile().deleteOnExit(); // deleted before its directory: the reverse order
    String gpt2Json = gpt2File.toString();
    for (String name : List.of("r50k_base", "cl100k_base", "o200k_base", gpt2Json)) {
      Tokenizer tokenizer = Tokenizers.load(name, null, null);
      measure(name.equals(gpt2Json) ? "djl gpt2 tokenizer.json" : "jtokkit " + name,
          tokenizer, texts, bytes);
    }
    // The same vocabulary through both libraries: every document should get the same ids.
    Tokenizer r50k = Tokenizers.load("r50k_base", null, null);
    Tokenizer gpt2 = Tokenizers.load(gpt2Json, null, null);
    long same = texts.stream()
        .filter(t -> Arrays.equals(r50k.encode(t), gpt2.encode(t))).count();
    System.out.printf(Locale.ROOT, "djl gpt2 = jtokkit r50k_base on %d of %d documents%n",
        same, texts.size());
  }

  private static void measure(String label, Tokenizer tokenizer, List<String> texts, long bytes) {
    long tokens = pass(tokenizer, texts); // warm-up: JIT, and the native library's caches
    int passes = 0;
    long start = System.nanoTime();
    double seconds;
    do {
      pass(tokenizer, texts);
      passes++;
      seconds = (System.nanoTime() - start) / 1e9;
    } while (seconds < SECONDS_PER_TOKENIZER);
    System.out.printf(Locale.ROOT, "%-26s %7.2f MB/s  %6.2f bytes/token  (%d passes, %.1f s)%n",
        label, bytes * passes / seconds / 1e6, (double) bytes / tokens, passes, seconds);
  }

  private static long pass(Tokenizer tokenizer, List<String> texts) {
    long tokens = 0;
    for (String text : texts) {
      tokens += tokenizer.encode(text).length;
    }
    return tokens;
  }
}
