package dev.quarry.dedup.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Document;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.dedup.KeepRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/** Spark's order for a keep rule picks the same document as the rule's comparator. */
class KeepOrderTest {

  @Test
  void sparkKeepsTheSameDocumentAsTheComparator() {
    Random random = new Random(11);
    List<Document> docs = new ArrayList<>();
    List<KeepRule.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String id = String.format("doc-%03d", random.nextInt(1000)) + "-" + i;
      Double quality = random.nextInt(4) == 0 ? null : (double) random.nextInt(5);
      Instant fetched = random.nextInt(5) == 0 ? null
          : Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(3) * 3600L);
      String text = "x".repeat(1 + random.nextInt(3));
      docs.add(new Document(id, text, null, "s", null, "mem:" + i, null, fetched, null, null,
          quality == null ? Map.of() : Map.of("quality", quality), null));
      candidates.add(new KeepRule.Candidate(id, quality == null ? Map.of()
          : Map.of("quality", quality), fetched, null, text.length()));
    }
    for (KeepRule rule : List.of(KeepRule.defaults(),
        new KeepRule(List.of(KeepRule.Key.attr("quality", KeepRule.Order.DESC),
            KeepRule.Key.column("fetched_at", KeepRule.Order.ASC))),
        new KeepRule(List.of(KeepRule.Key.column("text_chars", KeepRule.Order.DESC),
            KeepRule.Key.attr("quality", KeepRule.Order.ASC))))) {
      List<KeepRule.Candidate> sorted = new ArrayList<>(candidates);
      sorted.sort(rule.comparator());
      List<Row> rows = docs.stream().map(DocumentSchema::toRow).toList();
      String sparkFirst = TestSpark.session().createDataFrame(rows, DocumentSchema.SCHEMA)
          .withColumn(KeepOrder.TEXT_CHARS, functions.length(functions.col("text")))
          .repartition(3).orderBy(KeepOrder.columns(rule)).select(functions.col("id"))
          .first().getString(0);
      assertThat(sparkFirst).as(rule.describe()).isEqualTo(sorted.get(0).id());
      List<String> sparkOrder = TestSpark.session().createDataFrame(rows, DocumentSchema.SCHEMA)
          .withColumn(KeepOrder.TEXT_CHARS, functions.length(functions.col("text")))
          .orderBy(KeepOrder.columns(rule)).select("id").as(
              org.apache.spark.sql.Encoders.STRING()).collectAsList();
      assertThat(sparkOrder).as(rule.describe())
          .isEqualTo(sorted.stream().map(KeepRule.Candidate::id).toList());
    }
  }
}
