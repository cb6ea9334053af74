package dev.quarry.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void firstColumnLeftTheOthersRightAligned() {
    String table = new TextTable("stage", "wall s").row("ingest", "12.50")
        .row("ingest/warc-scan", "0.20").render();
    assertThat(table).isEqualTo("""
        stage             wall s
        ----------------  ------
        ingest             12.50
        ingest/warc-scan    0.20
        """);
  }

  @Test
  void rowsMustFillEveryColumn() {
    assertThatThrownBy(() -> new TextTable("a", "b").row("1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersHaveFixedDecimalsAndUnknownIsADash() {
    assertThat(TextTable.number(180142, 0)).isEqualTo("180,142");
    assertThat(TextTable.number(0.1234, 3)).isEqualTo("0.123");
    assertThat(TextTable.number(null, 2)).isEqualTo("-");
  }
}
