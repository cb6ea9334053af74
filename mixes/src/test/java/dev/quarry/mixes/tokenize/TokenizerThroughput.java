package dev.quarry.mixes.tokenize;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Single-thread tokenizer throughput, Quarry's tokenizer beside jtokkit's own
 * {@code encodeOrdinary}: MB/s of UTF-8 text, each text encoded once with a cold piece cache
 * (after a warm-up pass on other texts, for the JIT), and whether the ids are the same on every
 * text. A measurement to run by hand, not a test:
 * {@code java -cp <test classpath> dev.quarry.mixes.tokenize.TokenizerThroughput [INPUT [MB]]}
 * where INPUT is a JSON Lines file or a directory of Parquet documents (a Quarry dataset; its
 * {@code text} column), default the bundled samples, and MB caps the text read (default 200).
 */
public final class TokenizerThroughput {
  private static final double WARM_UP_SHARE = 0.05;
  private static final double DJL_MB = 20;

  private TokenizerThroughput() {}

  public static void main(String[] args) throws IOException {
    Path input = args.length > 0 ? Path.of(args[0]) : SamplePages.JSONL;
    if (!Files.exists(input) && args.length == 0) {
      input = Path.of("..").resolve(input);
    }
    double maxMb = args.length > 1 ? Double.parseDouble(args[1]) : 200;
    List<String> texts = Files.isDirectory(input) ? parquetTexts(input, maxMb)
        : SamplePages.texts(input);
    int warmUp = (int) Math.ceil(texts.size() * WARM_UP_SHARE);
    List<String> warm = texts.subList(0, warmUp);
    List<String> measured = texts.subList(warmUp, texts.size());
    long bytes = utf8Bytes(measured);
    System.out.printf(Locale.ROOT, "%s: %d documents (%d more to warm up), %.2f MB of UTF-8%n",
        input, measured.size(), warmUp, bytes / 1e6);

    EncodingRegistry registry = Encodings.newDefaultEncodingRegistry();
    for (TiktokenEncoding which : List.of(TiktokenEncoding.R50K_BASE,
        TiktokenEncoding.CL100K_BASE, TiktokenEncoding.O200K_BASE)) {
      Encoding jtokkit = registry.getEncoding(which.type());
      Function<String, int[]> reference = text -> jtokkit.encodeOrdinary(text).toArray();
      pass(reference, warm);
      pass(JtokkitTokenizer.load(which, null, null)::encode, warm);
      double jtokkitSeconds = pass(reference, measured);
      Tokenizer quarry = JtokkitTokenizer.load(which, null, null); // a cold piece cache
      double quarrySeconds = pass(quarry::encode, measured);
      long same = measured.stream()
          .filter(t -> Arrays.equals(quarry.encode(t), reference.apply(t))).count();
      System.out.printf(Locale.ROOT, "%-12s jtokkit %6.2f MB/s   quarry %6.2f MB/s   %.2fx"
              + "   same ids on %d of %d documents%n", which.encodingName(),
          bytes / jtokkitSeconds / 1e6, bytes / quarrySeconds / 1e6,
          jtokkitSeconds / quarrySeconds, same, measured.size());
    }

    List<String> djlTexts = prefix(measured, DJL_MB);
    DjlCache.useBuildDirectory();
    Path dir = Files.createTempDirectory("tokenizer-throughput");
    dir.toFile().deleteOnExit();
    Path gpt2File = Gpt2TokenizerJson.write(dir);
    gpt2File.toFile().deleteOnExit(); // deleted before its directory: the reverse order
    Tokenizer gpt2 = Tokenizers.load(gpt2File.toString(), null, null);
    Tokenizer r50k = Tokenizers.load("r50k_base", null, null);
    pass(gpt2::encode, warm.subList(0, Math.min(warm.size(), 200)));
    double seconds = pass(gpt2::encode, djlTexts);
    long same = djlTexts.stream()
        .filter(t -> Arrays.equals(r50k.encode(t), gpt2.encode(t))).count();
    System.out.printf(Locale.ROOT, "djl gpt2 tokenizer.json %6.2f MB/s on %.1f MB; = r50k_base"
        + " on %d of %d documents%n", utf8Bytes(djlTexts) / seconds / 1e6,
        utf8Bytes(djlTexts) / 1e6, same, djlTexts.size());
  }

  private static double pass(Function<String, int[]> encode, List<String> texts) {
    long tokens = 0;
    long start = System.nanoTime();
    for (String text : texts) {
      tokens += encode.apply(text).length;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (tokens < 0) {
      throw new AssertionError(); // keeps the work observable
    }
    return seconds;
  }

  private static long utf8Bytes(List<String> texts) {
    return texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
  }

  private static List<String> prefix(List<String> texts, double mb) {
    List<String> prefix = new ArrayList<>();
    long bytes = 0;
    for (String text : texts) {
      if (bytes > mb * 1e6) {
        break;
      }
      prefix.add(text);
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    return prefix;
  }

  /** The non-empty texts of a directory's Parquet files, in file-name order, up to maxMb. */
  private static List<String> parquetTexts(Path directory, double maxMb) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted()
          .toList();
    }
    List<String> texts = new ArrayList<>();
    long bytes = 0;
    for (Path file : files) {
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
          new org.apache.hadoop.fs.Path(file.toUri())).withConf(new Configuration()).build()) {
        for (Group row = reader.read(); row != null; row = reader.read()) {
          if (bytes > maxMb * 1e6) {
            return texts;
          }
          if (row.getFieldRepetitionCount("text") > 0) {
            String text = row.getString("text", 0);
            if (!text.isEmpty()) {
              texts.add(text);
              bytes += text.getBytes(StandardCharsets.UTF_8).length;
            }
          }
        }
      }
    }
    return texts;
  }
}
