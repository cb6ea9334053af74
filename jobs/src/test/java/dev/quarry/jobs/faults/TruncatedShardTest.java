package dev.quarry.jobs.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.TestSpark;
import dev.quarry.jobs.cli.QuarryCliTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard cut short (a copy that stopped half-way): the records before the cut are kept, the
 * cut is one error with its reason and place; under the stage's error bound the stage commits,
 * over it the stage fails and commits nothing.
 */
class TruncatedShardTest {
  @TempDir
  Path dir;

  @Test
  void underTheErrorBoundTheRecordsBeforeTheCutAreKeptAndTheCutIsAnError() throws Exception {
    FaultPipeline pipeline = FaultPipeline.in(dir).warcMaxErrorRate(0.05);
    FaultPipeline.truncate(pipeline.warc, 0.6);
    Path jsonl = pipeline.jsonl.get(1);
    FaultPipeline.truncate(jsonl, 0.5);

    QuarryCliTest.Run run = pipeline.run();
    assertThat(run.exit()).as(run.err()).isZero();

    JsonNode warc = PipelineAccounting.manifest(pipeline.work.resolve("ingest/warc"))
        .path("accounting");
    assertThat(warc.path("errors").path("truncated_gzip").asLong()).isEqualTo(1);
    long cut = Files.size(pipeline.warc);
    SparkSession spark = TestSpark.session();
    for (Row row : spark.read().parquet(Datasets.parquetFiles(spark, pipeline.work
        .resolve("ingest/warc").toUri().toString())).select("location").collectAsList()) {
      long offset = Long.parseLong(row.getString(0).substring(row.getString(0).indexOf('#') + 1));
      assertThat(offset).as("a document kept from before the cut").isLessThan(cut);
    }

    JsonNode lines = PipelineAccounting.manifest(pipeline.work.resolve("ingest/jsonl"))
        .path("accounting");
    long whole = RawRecords.count(jsonl) - 1; // the lines before the cut
    assertThat(lines.path("errors").path("truncated_gzip").asLong()).isEqualTo(1);
    assertThat(lines.path("kept").asLong()).isEqualTo(80 + whole);
    PipelineAccounting.check(pipeline.work, "warc", "jsonl");
  }

  @Test
  void overTheErrorBoundTheStageFailsAndCommitsNothing() throws Exception {
    FaultPipeline pipeline = FaultPipeline.in(dir).warcMaxErrorRate(0.005);
    FaultPipeline.truncate(pipeline.warc, 0.6);

    QuarryCliTest.Run run = pipeline.run();
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("could not be read, above the bound of 0.50%")
        .contains("truncated_gzip=1").contains("Nothing was committed");
    assertThat(pipeline.work.resolve("ingest/warc")).doesNotExist();
    assertThat(pipeline.leftovers()).isEmpty();
  }
}
