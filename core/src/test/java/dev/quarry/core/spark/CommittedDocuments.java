package dev.quarry.core.spark;

import dev.quarry.core.Document;
import dev.quarry.core.stats.Accounting;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Test fixture: documents written as a committed Quarry dataset that stages can read. */
public final class CommittedDocuments {
  private CommittedDocuments() {}

  public static String write(SparkSession spark, String uri, List<Document> documents) {
    List<Row> rows = documents.stream().map(DocumentSchema::toRow).toList();
    StageRunner.run(spark, "fixture", Map.of("n", rows.size(), "ids", documents.stream()
            .map(Document::id).toList().hashCode()), List.of(), uri, false,
        temporary -> {
          spark.createDataFrame(rows, DocumentSchema.SCHEMA).coalesce(1).write()
              .parquet(temporary);
          return new StageRunner.Outcome(new Accounting(rows.size(), rows.size(), Map.of(),
              Map.of()), Map.of());
        });
    return uri;
  }
}
