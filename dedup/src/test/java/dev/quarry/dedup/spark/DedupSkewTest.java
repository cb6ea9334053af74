package dev.quarry.dedup.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.StageRunner;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.core.stats.Accounting;
import dev.quarry.dedup.DedupOptions;
import dev.quarry.dedup.DedupSettings;
import dev.quarry.dedup.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot cases that break naive dedup: 100,000 copies of one document (one exact group, and one
 * LSH bucket of 100,000 in every band) and 100,000 boilerplate pages that differ in one word
 * (near-identical: one LSH bucket of 100,000 per band, all different exact keys). Both must go
 * through in the test JVM's memory, each ending as one cluster with one copy kept.
 */
class DedupSkewTest {
  static final int COPIES = 100_000;

  @TempDir
  Path dir;

  @Test
  void hundredThousandCopiesAndAHundredThousandBoilerplatePagesEachBecomeOneCluster() {
    SparkSession spark = TestSpark.session();
    Random random = new Random(5);
    String copied = Texts.random(random, 60);
    String template = Texts.random(random, 80);
    String input = dir.resolve("skewed").toString();
    StageRunner.run(spark, "fixture", Map.of("copies", COPIES), List.of(), input, false,
        temporary -> {
          Dataset<Row> ids = spark.range(COPIES).toDF("n").repartition(8);
          Dataset<Row> copies = ids.select(
              functions.format_string("copy-%06d", functions.col("n")).as("id"),
              functions.lit(copied).as("text"));
          Dataset<Row> boilerplate = ids.select(
              functions.format_string("page-%06d", functions.col("n")).as("id"),
              functions.concat(functions.lit(template + " Page "),
                  functions.format_string("%s", functions.translate(
                      functions.col("n").cast("string"), "0123456789", "abcdefghij")))
                  .as("text"));
          copies.union(boilerplate).select(documentColumns()).write().parquet(temporary);
          return new StageRunner.Outcome(new Accounting(2L * COPIES, 2L * COPIES, Map.of(),
              Map.of()), Map.of());
        });
    String output = dir.resolve("dedup").toString();
    StageRunner.Result result = DedupJob.run(spark, new DedupSettings(List.of(input),
        DedupOptions.defaults()), output, false, null);

    assertThat(result.accounting().recordsIn()).isEqualTo(2L * COPIES);
    assertThat(result.accounting().kept()).isEqualTo(2);
    assertThat(result.accounting().rejected()).containsEntry("exact_duplicate",
        (long) COPIES - 1).containsEntry("near_duplicate", (long) COPIES - 1);
    List<Row> kept = Datasets.read(spark, output).select("id", "dup_count").orderBy("id")
        .collectAsList();
    assertThat(kept).extracting(Row::toString)
        .containsExactly("[copy-000000," + (COPIES - 1) + "]", "[page-000000,"
            + (COPIES - 1) + "]");
  }

  private static org.apache.spark.sql.Column[] documentColumns() {
    return java.util.Arrays.stream(DocumentSchema.SCHEMA.fields()).map(field ->
        field.name().equals("id") || field.name().equals("text") ? functions.col(field.name())
            : field.name().equals("source") ? functions.lit("skew").as("source")
            : field.name().equals("location") ? functions.col("id").as("location")
            : functions.lit(null).cast(field.dataType()).as(field.name()))
        .toArray(org.apache.spark.sql.Column[]::new);
  }
}
