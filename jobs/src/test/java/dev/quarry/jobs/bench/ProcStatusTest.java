package dev.quarry.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {
  private static final String STATUS = """
      Name:\tjava
      VmPeak:\t 9000000 kB
      VmHWM:\t  1953124 kB
      VmRSS:\t  1500000 kB
      """;

  @Test
  void readsKilobyteLinesAsBytes() {
    assertThat(ProcStatus.kilobytes(STATUS, "VmHWM")).isEqualTo(1953124L * 1024);
    assertThat(ProcStatus.kilobytes("MemTotal:       24684096 kB\n", "MemTotal"))
        .isEqualTo(24684096L * 1024);
  }

  @Test
  void aMissingLineIsUnknown() {
    assertThat(ProcStatus.kilobytes(STATUS, "VmSwap")).isNull();
    assertThat(ProcStatus.kilobytes(STATUS, "Vm")).isNull();
  }
}
