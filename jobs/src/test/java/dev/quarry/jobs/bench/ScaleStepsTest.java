package dev.quarry.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleStepsTest {
  @Test
  void parsesSortsAndDropsRepeats() {
    assertThat(ScaleSteps.parse("4, 1,2,2")).containsExactly(1, 2, 4);
  }

  @Test
  void rejectsWhatIsNotAPositiveWholeNumber() {
    for (String bad : new String[] {"1,x", "0,2", "1,,2", "-1", "1.5"}) {
      assertThatThrownBy(() -> ScaleSteps.parse(bad)).as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("command line: --scale: ")
          .hasMessageContaining("is not a positive whole number");
    }
  }

  @Test
  void stepKReadsTheCeilingOfItsShareOfTheFiles() {
    assertThat(ScaleSteps.filesFor(8, 1, 8)).isEqualTo(1);
    assertThat(ScaleSteps.filesFor(10, 1, 4)).isEqualTo(3);
    assertThat(ScaleSteps.filesFor(10, 2, 4)).isEqualTo(5);
    assertThat(ScaleSteps.filesFor(10, 3, 4)).isEqualTo(8);
    assertThat(ScaleSteps.filesFor(10, 4, 4)).isEqualTo(10);
    assertThat(ScaleSteps.filesFor(5, 1, 3)).isEqualTo(2);
  }

  @Test
  void planHasOneStepPerScaleEndingWithEveryFile() {
    assertThat(ScaleSteps.plan(List.of(1, 2, 4, 8), 8)).containsExactly(
        new ScaleSteps.Step(1, 1), new ScaleSteps.Step(2, 2), new ScaleSteps.Step(4, 4),
        new ScaleSteps.Step(8, 8));
    assertThat(ScaleSteps.plan(List.of(1, 2, 4), 10)).containsExactly(
        new ScaleSteps.Step(1, 3), new ScaleSteps.Step(2, 5), new ScaleSteps.Step(4, 10));
  }

  @Test
  void withoutScalesThereIsOnePlainStepOfEveryFile() {
    assertThat(ScaleSteps.plan(List.of(), 3)).containsExactly(new ScaleSteps.Step(null, 3));
  }

  @Test
  void fewerFilesThanTheLargestScaleIsRefusedWithTheFix() {
    assertThatThrownBy(() -> ScaleSteps.plan(List.of(1, 2, 4, 8), 4))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("command line: --scale: scale 8 needs at least 8 input files")
        .hasMessageContaining("--input has 4")
        .hasMessageContaining("quarry gen-corpus --shard-size <size / 8>");
  }
}
