package dev.quarry.core.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.stats.Accounting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageRunnerTest {
  private final SparkSession spark = TestSpark.session();

  private static Map<String, Object> config() {
    return Map.of("stage", "test");
  }

  /**
   * A Spark job that fails inside the stage throws Spark's SparkException, a checked exception
   * thrown undeclared: the stage still discards its temporary directory (it once did not, and
   * every failed job left one beside the output) and names the output and the cause.
   */
  @Test
  void aFailedSparkJobLeavesNothingAndNamesTheOutputAndTheCause(@TempDir Path root) {
    String output = root.resolve("out").toString();
    assertThatThrownBy(() -> StageRunner.run(spark, "test", config(), List.of(), output, false,
        temporary -> {
          spark.range(10).write().parquet(temporary); // a half-written output
          JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(List.of(1, 2), 2)
              .foreach(x -> {
                throw new java.io.UncheckedIOException(new java.io.IOException(
                    "No space left on device"));
              });
          return null;
        }))
        .isInstanceOf(StageFailedException.class)
        .hasMessageContaining("test: nothing was committed: file:" + output)
        .hasMessageContaining("IOException: No space left on device");
    assertThat(root).isEmptyDirectory();
  }

  @Test
  void configErrorsAndTheErrorBoundKeepTheirType(@TempDir Path root) throws Exception {
    String output = root.resolve("out").toString();
    assertThatThrownBy(() -> StageRunner.run(spark, "test", config(), List.of(), output, false,
        temporary -> {
          throw new ConfigException("field", "is wrong");
        })).isInstanceOf(ConfigException.class);
    StageRunner.Result ok = StageRunner.run(spark, "test", config(), List.of(), output, false,
        temporary -> {
          spark.range(3).write().parquet(temporary);
          return new StageRunner.Outcome(new Accounting(3, 3, Map.of(), Map.of()), Map.of());
        });
    assertThat(ok.ran()).isTrue();
    try (var siblings = Files.list(root)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }
}
