package dev.quarry.mixes.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.Document;
import dev.quarry.core.Hashing;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.core.spark.CommittedDocuments;
import dev.quarry.core.spark.SessionConf;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.mixes.registry.MixRef;
import dev.quarry.mixes.registry.MixRegistry;
import dev.quarry.mixes.registry.MixVerifier;
import dev.quarry.mixes.registry.VersionFiles;
import dev.quarry.mixes.shards.MegatronIndex;
import dev.quarry.mixes.shards.MegatronShardReader;
import dev.quarry.mixes.shards.OlmoCsv;
import dev.quarry.mixes.shards.OlmoShardReader;
import dev.quarry.mixes.shards.TokenDtype;
import dev.quarry.mixes.spec.MixSpec;
import dev.quarry.mixes.tokenize.Tokenizer;
import dev.quarry.mixes.tokenize.Tokenizers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MixJob} on two small committed datasets, in the shared test session. */
class MixJobTest {
  @TempDir
  static Path dir;
  static SparkSession spark;
  static Tokenizer gpt2;
  static Map<String, String> textById = new HashMap<>();
  static long englishWebTokens;
  static long bookTokens;
  static int longestDocument;

  private static final String[] WORDS = {"the", "data", "pipeline", "reads", "shards", "and",
      "écrit", "des", "jetons", "für", "Größe", "mixes", "of", "text", "число", "2024", "42.5",
      "model", "training", "quality", "—", "naïve", "café", "\n\n"};

  static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }

  static Document doc(String id, String text, String lang) {
    return new Document(id, text, "https://site.example/" + id, "test", "TEST-CRAWL",
        "crawl-00001.warc.gz#" + Math.abs(id.hashCode()), null, null, lang, 0.9, Map.of(), null);
  }

  @BeforeAll
  static void datasets() {
    spark = TestSpark.session();
    gpt2 = Tokenizers.load("r50k_base", null, null);
    Random random = new Random(11);
    List<Document> web = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String lang = i % 3 == 0 ? "fra" : "eng";
      Document d = doc("web-" + i, text(random, 20 + random.nextInt(200)), lang);
      web.add(d);
      textById.put(d.id(), d.text());
      int tokens = gpt2.encode(d.text()).length + 1;
      if (lang.equals("eng")) {
        englishWebTokens += tokens;
      }
      longestDocument = Math.max(longestDocument, tokens);
    }
    web.add(doc("web-empty", "", "eng")); // no text: never in a mix
    List<Document> books = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Document d = doc("book-" + i, text(random, 300 + random.nextInt(300)), "eng");
      books.add(d);
      textById.put(d.id(), d.text());
      bookTokens += gpt2.encode(d.text()).length + 1;
      longestDocument = Math.max(longestDocument, gpt2.encode(d.text()).length + 1);
    }
    CommittedDocuments.write(spark, dir.resolve("web").toString(), web);
    CommittedDocuments.write(spark, dir.resolve("books").toString(), books);
  }

  static MixSpec spec(long webTokens, long booksTokens, double bookEpochs) {
    return YamlConfig.parse("""
        name: test-mix
        tokenizer: r50k_base
        formats: [megatron, olmo]
        tokens_per_shard: 3000
        seed: 7
        sources:
          - name: web
            input: %s
            filter: "lang = 'eng'"
            tokens: %d
          - name: books
            input: %s
            tokens: %d
            max_epochs: %s
        """.formatted(dir.resolve("web"), webTokens, dir.resolve("books"), booksTokens,
        bookEpochs), "test", MixSpec.class);
  }

  static MixSpec standard() {
    return spec(englishWebTokens / 2, bookTokens * 5 / 2, 3);
  }

  @Test
  void aVersionHoldsTheTargetsAndItsShardsDecodeBackToTheSourceTexts() throws Exception {
    MixJob.Result result = MixJob.create(spark, standard(), dir.resolve("mixes-a").toString());
    assertThat(result.label()).isEqualTo("test-mix@v0001");
    Path version = dir.resolve("mixes-a/test-mix/v0001");
    assertThat(version.resolve("_SUCCESS")).exists();
    JsonNode manifest = MixJob.manifest(version.toString(), spark.sparkContext()
        .hadoopConfiguration());

    JsonNode web = manifest.path("sources").get(0);
    JsonNode books = manifest.path("sources").get(1);
    assertThat(web.path("tokens_available").asLong()).isEqualTo(englishWebTokens);
    assertThat(web.path("tokens_taken").asLong()).isBetween(englishWebTokens / 2,
        englishWebTokens / 2 + longestDocument);
    assertThat(books.path("full_epochs").asInt()).isEqualTo(2);
    assertThat(books.path("tokens_taken").asLong()).isBetween(bookTokens * 5 / 2,
        bookTokens * 5 / 2 + longestDocument);
    assertThat(manifest.path("tokenizer").path("eos_id").asInt()).isEqualTo(50256);
    assertThat(manifest.path("job").asText()).isEqualTo("mix");
    assertThat(java.time.Instant.parse(manifest.path("started_at").asText()))
        .isBefore(java.time.Instant.parse(manifest.path("finished_at").asText()));
    assertThat(manifest.path("formats").path("megatron").path("dtype").asText())
        .isEqualTo("uint16");
    assertThat(manifest.path("shards").size()).isGreaterThan(1)
        .isEqualTo(result.shards());

    // Every shard, in both layouts: documents end with EOS and decode to a source text;
    // both layouts hold the same tokens; files match the manifest's checksums.
    Map<String, Integer> copies = new TreeMap<>();
    long tokens = 0;
    for (JsonNode shard : manifest.path("shards")) {
      for (JsonNode file : shard.path("files")) {
        byte[] bytes = Files.readAllBytes(version.resolve(file.path("path").asText()));
        assertThat(Hashing.sha256Hex(bytes)).as(file.path("path").asText())
            .isEqualTo(file.path("sha256").asText());
      }
      String name = VersionFiles.name(shard.path("shard").asInt());
      MegatronIndex index = MegatronIndex.parse(Files.readAllBytes(
          version.resolve("megatron/" + name + ".idx")));
      Path bin = version.resolve("megatron/" + name + ".bin");
      assertThat(index.problems(Files.size(bin))).isEmpty();
      List<int[]> megatronDocs = new ArrayList<>();
      try (InputStream in = Files.newInputStream(bin)) {
        new MegatronShardReader(index, in).forEachDocument((i, ids, length) -> {
          assertThat(ids[length - 1]).isEqualTo(50256);
          String decoded = gpt2.decode(ids, length - 1);
          assertThat(textById).containsValue(decoded);
          copies.merge(decoded, 1, Integer::sum);
          megatronDocs.add(Arrays.copyOf(ids, length));
        });
      }
      List<int[]> olmoDocs = new ArrayList<>();
      Path npy = version.resolve("olmo/" + name + ".npy");
      Path csv = version.resolve("olmo/" + name + ".csv.gz");
      try (InputStream rows = Files.newInputStream(csv);
          InputStream in = Files.newInputStream(npy)) {
        new OlmoShardReader(in, TokenDtype.UINT16, OlmoCsv.read(rows))
            .forEachDocument((i, ids, length) -> olmoDocs.add(Arrays.copyOf(ids, length)));
      }
      assertThat(olmoDocs).hasSameSizeAs(megatronDocs);
      for (int i = 0; i < olmoDocs.size(); i++) {
        assertThat(olmoDocs.get(i)).isEqualTo(megatronDocs.get(i));
      }
      tokens += index.totalTokens();
    }
    assertThat(tokens).isEqualTo(manifest.path("totals").path("tokens").asLong());
    for (int b = 0; b < 6; b++) {
      assertThat(copies.get(textById.get("book-" + b))).as("copies of book-" + b)
          .isBetween(2, 3);
    }

    // The index places every document where the shards have it.
    List<Row> index = spark.read().parquet(version.resolve("index").toString())
        .orderBy("shard", "offset").collectAsList();
    assertThat((long) index.size()).isEqualTo(manifest.path("totals").path("documents")
        .asLong());
    Row first = index.get(0);
    assertThat(first.<Integer>getAs("shard")).isZero();
    assertThat(first.<Long>getAs("offset")).isZero();
    assertThat(index.stream().map(r -> r.<String>getAs("source")).distinct().sorted())
        .containsExactly("books", "web");
    assertThat(index.stream().filter(r -> r.<String>getAs("source").equals("web"))
        .map(r -> r.<String>getAs("id"))).noneMatch(id -> id.equals("web-empty"));
  }

  /**
   * Every document of the inputs is in the mix or counted with why not: the empty one has no
   * text, the French ones no source's filter takes, the English ones the partial epoch did not
   * draw were not sampled; the counts come from the data and agree with the index.
   */
  @Test
  void theManifestAccountsForEveryDocumentOfItsInputs() {
    MixJob.Result result = MixJob.create(spark, standard(), dir.resolve("mixes-acc").toString());
    JsonNode manifest = MixJob.manifest(result.directory(), spark.sparkContext()
        .hadoopConfiguration());
    List<Row> index = spark.read().parquet(result.directory() + "/index").collectAsList();
    long webInIndex = index.stream().filter(r -> r.<String>getAs("source").equals("web"))
        .map(r -> r.<String>getAs("id")).distinct().count();

    JsonNode web = manifest.path("accounting").get(0);
    assertThat(web.path("dataset").asText()).endsWith("/web");
    assertThat(web.path("documents").asLong()).isEqualTo(81);
    assertThat(web.path("not_taken").path("no_text").asLong()).isEqualTo(1);
    assertThat(web.path("not_taken").path("not_selected").asLong()).isEqualTo(27);
    assertThat(web.path("in_mix").asLong()).isEqualTo(webInIndex).isBetween(1L, 52L);
    assertThat(web.path("not_taken").path("not_sampled").asLong())
        .isEqualTo(53 - webInIndex);
    assertThat(web.path("balanced").asBoolean()).isTrue();
    JsonNode books = manifest.path("accounting").get(1);
    assertThat(books.path("documents").asLong()).isEqualTo(6);
    assertThat(books.path("in_mix").asLong()).isEqualTo(6);
    assertThat(books.path("not_taken").path("not_sampled").asLong()).isZero();
  }

  @Test
  void theSameSpecAndInputsGiveByteIdenticalFilesWhateverThePartitioning() {
    String root = dir.resolve("mixes-b").toString();
    MixJob.create(spark, standard(), root);
    SessionConf.with(spark, "spark.sql.shuffle.partitions", "1",
        () -> MixJob.create(spark, standard(), root));
    SessionConf.with(spark, "spark.sql.shuffle.partitions", "7",
        () -> SessionConf.with(spark, "spark.sql.files.maxPartitionBytes", "4096",
            () -> MixJob.create(spark, standard(), root)));
    List<String> first = files(root, 1);
    assertThat(first).hasSizeGreaterThan(5);
    assertThat(files(root, 2)).isEqualTo(first);
    assertThat(files(root, 3)).isEqualTo(first);
  }

  /** Every data file of a version, as "path sha256", sorted. */
  private static List<String> files(String root, int version) {
    Path dirOf = Path.of(root, "test-mix", String.format("v%04d", version));
    try (Stream<Path> paths = Files.walk(dirOf)) {
      return paths.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(MixJob.MANIFEST)
              && !p.getFileName().toString().startsWith(".")
              && !p.getFileName().toString().startsWith("_"))
          .map(p -> {
            try {
              return dirOf.relativize(p) + " " + Hashing.sha256Hex(Files.readAllBytes(p));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void verifyPassesAnIntactVersionAndNamesEveryDamagedFile() throws Exception {
    String root = dir.resolve("mixes-v").toString();
    MixJob.Result made = MixJob.create(spark, standard(), root);
    var conf = spark.sparkContext().hadoopConfiguration();
    MixVerifier.Report report = MixVerifier.verify(made.directory(), conf);
    assertThat(report.problems()).isEmpty();
    assertThat(report.tokens()).isEqualTo(made.tokens());
    assertThat(report.shards()).isEqualTo(made.shards());

    Path version = Path.of(made.directory().replace("file:", ""));
    Path bin = version.resolve("megatron/shard-00000.bin");
    byte[] bytes = Files.readAllBytes(bin);
    bytes[0] ^= 1; // one token changed: same size, other checksum
    Files.write(bin, bytes);
    Path npy = version.resolve("olmo/shard-00001.npy");
    byte[] tokens = Files.readAllBytes(npy);
    Files.write(npy, Arrays.copyOf(tokens, tokens.length - 2)); // last EOS cut off
    Files.delete(version.resolve("index/shard-00000.parquet"));
    List<String> problems = MixVerifier.verify(made.directory(), conf).problems();
    assertThat(problems).anyMatch(p -> p.startsWith("shard 0: megatron/shard-00000.bin has "
        + "SHA-256"));
    assertThat(problems).anyMatch(p -> p.startsWith("shard 1: olmo/shard-00001.npy has "
        + (tokens.length - 2) + " bytes"));
    assertThat(problems).anyMatch(p -> p.equals("shard 0: index/shard-00000.parquet is "
        + "missing"));
  }

  @Test
  void traceFindsTheDocumentOfAnyTokenAndDiffSaysWhatChanged() throws Exception {
    String root = dir.resolve("mixes-t").toString();
    MixJob.create(spark, standard(), root);
    MixJob.create(spark, spec(englishWebTokens / 3, bookTokens * 5 / 2, 3), root);
    MixRegistry registry = new MixRegistry(root, spark.sparkContext().hadoopConfiguration());
    assertThat(registry.list()).extracting(MixRegistry.Listed::version).containsExactly(1, 2);

    // Token 0 of shard 0 is the first token of the mix's first document.
    Row first = spark.read().parquet(root + "/test-mix/v0001/index").orderBy("shard", "offset")
        .first();
    MixRegistry.Traced traced = registry.trace(MixRef.parse("test-mix@v0001", "mix"), 0,
        first.<Integer>getAs("length") - 1L);
    assertThat(traced.id()).isEqualTo(first.<String>getAs("id"));
    assertThat(traced.location()).startsWith("crawl-00001.warc.gz#");
    assertThat(traced.datasetManifestSha256()).hasSize(64);
    assertThatThrownBy(() -> registry.trace(MixRef.parse("test-mix@1", "mix"), 0, 1L << 40))
        .hasMessageContaining("--token");

    List<String> diff = MixRegistry.diff(registry.manifest(MixRef.parse("test-mix@1", "mix"),
        "a"), registry.manifest(MixRef.parse("test-mix", "mix"), "b"));
    assertThat(diff).anyMatch(line -> line.startsWith("spec sources[0].tokens: "
        + englishWebTokens / 2 + " -> " + englishWebTokens / 3));
    assertThat(diff).anyMatch(line -> line.startsWith("source web: tokens "));
    assertThat(diff).noneMatch(line -> line.startsWith("source books"));
  }

  @Test
  void aTargetBeyondMaxEpochsSaysHowManyTokensExistAndClaimsNoVersion() {
    String root = dir.resolve("mixes-c").toString();
    assertThatThrownBy(() -> MixJob.create(spark, spec(100, bookTokens * 3, 2), root))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources[1]")
        .hasMessageContaining(String.format("%,d tokens", bookTokens))
        .hasMessageContaining("max_epochs");
    assertThat(dir.resolve("mixes-c/test-mix")).doesNotExist();
  }

  @Test
  void aFilterThatIsNotSqlNamesTheSourceField() {
    MixSpec bad = YamlConfig.parse("""
        name: bad
        tokenizer: r50k_base
        sources:
          - {name: web, input: %s, filter: "lang = = 'eng'", tokens: 10}
        """.formatted(dir.resolve("web")), "test", MixSpec.class);
    assertThatThrownBy(() -> MixJob.create(spark, bad, dir.resolve("mixes-d").toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources[0].filter");
  }
}
