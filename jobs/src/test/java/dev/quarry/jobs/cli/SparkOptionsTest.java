package dev.quarry.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SparkOptionsTest {
  @Test
  void localMastersGetFourShufflePartitionsPerCoreOthersKeepTheClustersSetting() {
    assertThat(SparkOptions.localShufflePartitions("local[2]")).hasValue(8);
    assertThat(SparkOptions.localShufflePartitions("local[16,3]")).hasValue(64);
    assertThat(SparkOptions.localShufflePartitions("local")).hasValue(4);
    assertThat(SparkOptions.localShufflePartitions("local[*]"))
        .hasValue(4 * Runtime.getRuntime().availableProcessors());
    assertThat(SparkOptions.localShufflePartitions("yarn")).isEqualTo(OptionalInt.empty());
    assertThat(SparkOptions.localShufflePartitions("spark://host:7077")).isEmpty();
    assertThat(SparkOptions.localShufflePartitions(null)).isEmpty();
  }
}
