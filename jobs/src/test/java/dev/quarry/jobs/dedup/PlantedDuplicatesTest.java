package dev.quarry.jobs.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Document;
import dev.quarry.core.spark.CommittedDocuments;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.core.text.WordShingles;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.DedupSettings;
import dev.quarry.dedup.spark.DedupJob;
import dev.quarry.jobs.corpus.CorpusMix;
import dev.quarry.jobs.corpus.GeneratedPage;
import dev.quarry.jobs.corpus.PageGenerator;
import dev.quarry.jobs.corpus.PageKind;
import dev.quarry.jobs.corpus.TextMaterial;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedup with its defaults on the generator's planted duplicates: each duplicate page and the
 * article it copies form a pair with a known similarity (Jaccard of word 5-gram shingles,
 * measured here on the two texts); a pair is found when both end in the same cluster. The
 * issue's bars: recall ≥ 0.95 for pairs at ≥ 0.9, ≥ 0.85 for pairs in [0.8, 0.9), and at most
 * 1% of pairs below 0.6 put together. The table goes to docs/dedup.md.
 */
class PlantedDuplicatesTest {
  static final int PAGES = 3000;
  static final double[] BINS = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  @TempDir
  Path dir;

  /** Pairs and how many were found, per similarity bin; bin 5 holds exact copies. */
  record Tally(long[] pairs, long[] found) {
    double rate(int bin) {
      return pairs[bin] == 0 ? Double.NaN : (double) found[bin] / pairs[bin];
    }
  }

  @Test
  void recallAndFalsePositivesByPlantedSimilarity() {
    SparkSession spark = TestSpark.session();
    PageGenerator generator = new PageGenerator(20261123, TextMaterial.load(), CorpusMix.parse(
        CorpusMix.DEFAULT_LANGUAGES, "article=45,near_duplicate=45,exact_duplicate=10",
        CorpusMix.DEFAULT_SIMILARITY));
    List<GeneratedPage> pages = new ArrayList<>();
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      GeneratedPage page = generator.page(i);
      pages.add(page);
      docs.add(new Document(page.id(), page.mainText(), page.url(), "generated", null,
          "gen:" + i, null, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), page.lang(),
          1.0, null, null));
    }
    String input = CommittedDocuments.write(spark, dir.resolve("pages").toString(), docs);
    String output = dir.resolve("dedup").toString();
    DedupJob.run(spark, new DedupSettings(List.of(input), DedupOptions.defaults()), output,
        false, null);
    Map<String, String> clusterOf = new HashMap<>();
    for (Row row : spark.read().parquet(output + "/" + DedupJob.CLUSTERS_DIR)
        .select("id", "cluster_id").collectAsList()) {
      clusterOf.put(row.getString(0), row.getString(1));
    }

    Tally tally = new Tally(new long[BINS.length], new long[BINS.length]);
    for (GeneratedPage page : pages) {
      if (page.kind() != PageKind.NEAR_DUPLICATE && page.kind() != PageKind.EXACT_DUPLICATE) {
        continue;
      }
      GeneratedPage original = pages.get(page.originalIndex());
      double similarity = page.kind() == PageKind.EXACT_DUPLICATE ? 1.0
          : WordShingles.jaccard(page.mainText(), original.mainText(), 5);
      int bin = page.kind() == PageKind.EXACT_DUPLICATE ? BINS.length - 1 : bin(similarity);
      if (bin < 0) {
        continue;
      }
      String a = clusterOf.get(page.id());
      tally.pairs[bin]++;
      if (a != null && a.equals(clusterOf.get(original.id()))) {
        tally.found[bin]++;
      }
    }
    System.out.println(table(tally));
    Map<String, java.util.Set<Integer>> familiesByCluster = new HashMap<>();
    for (GeneratedPage page : pages) {
      String cluster = clusterOf.get(page.id());
      if (cluster != null) {
        familiesByCluster.computeIfAbsent(cluster, c -> new java.util.HashSet<>())
            .add(family(pages, page));
      }
    }
    long mixed = familiesByCluster.values().stream().filter(f -> f.size() > 1).count();
    System.out.println("clusters: " + familiesByCluster.size() + ", holding pages of more than "
        + "one planted family: " + mixed);
    assertThat(mixed).as("clusters joining unrelated pages").isZero();
    assertThat(tally.pairs[4] + tally.pairs[3] + tally.pairs[0]).isGreaterThan(300);
    assertThat(tally.rate(4)).as("recall at >= 0.9").isGreaterThanOrEqualTo(0.95);
    assertThat(tally.rate(3)).as("recall in [0.8, 0.9)").isGreaterThanOrEqualTo(0.85);
    assertThat(tally.rate(0)).as("pairs below 0.6 put together").isLessThanOrEqualTo(0.01);
    assertThat(tally.rate(5)).as("exact copies").isEqualTo(1.0);
  }

  /** The article a page descends from (itself for an article). */
  private static int family(List<GeneratedPage> pages, GeneratedPage page) {
    GeneratedPage at = page;
    while (at.kind() == PageKind.NEAR_DUPLICATE || at.kind() == PageKind.EXACT_DUPLICATE) {
      at = pages.get(at.originalIndex());
    }
    return at.index();
  }

  private static int bin(double similarity) {
    for (int b = BINS.length - 2; b >= 0; b--) {
      if (similarity >= BINS[b]) {
        return b;
      }
    }
    return -1;
  }

  static String table(Tally tally) {
    StringBuilder out = new StringBuilder(
        "| true similarity | pairs | in one cluster | share |\n|---|---|---|---|\n");
    for (int b = 0; b < BINS.length; b++) {
      String range = b == BINS.length - 1 ? "exact copy" : String.format("%.1f–%.1f", BINS[b],
          BINS[b + 1]);
      out.append(String.format("| %s | %d | %d | %.3f |%n", range, tally.pairs[b],
          tally.found[b], tally.rate(b)));
    }
    return out.toString();
  }
}
