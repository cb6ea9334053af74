package dev.quarry.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
  @Test
  void decimalAndBinaryUnits() {
    assertThat(ByteSize.parse("1GB", "--size")).isEqualTo(1_000_000_000L);
    assertThat(ByteSize.parse("250 mb", "--size")).isEqualTo(250_000_000L);
    assertThat(ByteSize.parse("1.5GiB", "--size")).isEqualTo(1_610_612_736L);
    assertThat(ByteSize.parse("4096", "--size")).isEqualTo(4096L);
    assertThat(ByteSize.format(1_234_567_890L)).isEqualTo("1.23 GB");
  }

  @Test
  void nonsenseNamesTheField() {
    assertThatThrownBy(() -> ByteSize.parse("lots", "--size"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--size").hasMessageContaining("500MB");
    assertThatThrownBy(() -> ByteSize.parse("0", "--size"))
        .hasMessageContaining("out of range");
  }
}
