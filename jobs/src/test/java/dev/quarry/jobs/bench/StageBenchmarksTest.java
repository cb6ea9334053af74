package dev.quarry.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import dev.quarry.ingest.InputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageBenchmarksTest {
  @Test
  void allIsEveryStageInPipelineOrder() {
    assertThat(StageBenchmarks.names()).containsExactly("ingest", "filter", "dedup", "mix", "all");
    assertThat(StageBenchmarks.select("all")).isEqualTo(StageBenchmarks.ALL);
    assertThat(StageBenchmarks.select("ingest")).extracting(StageBenchmark::name)
        .containsExactly("ingest");
  }

  @Test
  void unknownStageListsTheKnownOnes() {
    assertThatThrownBy(() -> StageBenchmarks.select("dedupe"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("command line: STAGE: unknown stage 'dedupe'; stages: ingest, filter, dedup,"
            + " mix, all");
  }

  @Test
  void baselinesAreFoundByNameUnderTheirStage() {
    var chosen = StageBenchmarks.baselines(StageBenchmarks.ALL,
        List.of("warc-scan", "mllib-minhash-lsh", "warc-scan"));
    assertThat(chosen).hasSize(2);
    assertThat(chosen.get(StageBenchmarks.ALL.get(0))).extracting(Baseline::name)
        .containsExactly("warc-scan");
    assertThat(chosen.get(StageBenchmarks.ALL.get(2))).extracting(Baseline::name)
        .containsExactly("mllib-minhash-lsh");
  }

  @Test
  void unknownBaselineListsTheStagesBaselines() {
    assertThatThrownBy(() -> StageBenchmarks.baselines(StageBenchmarks.ALL, List.of("minhash")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("command line: --baseline: unknown baseline 'minhash'; "
            + "ingest has warc-scan (");
  }

  @Test
  void warcScanReadsWarcAndWetOnly() {
    Baseline warcScan = new WarcScanBaseline();
    warcScan.check(InputFormat.WARC);
    warcScan.check(InputFormat.WET);
    assertThatThrownBy(() -> warcScan.check(InputFormat.JSONL))
        .isInstanceOf(ConfigException.class)
        .hasMessage("command line: --baseline: warc-scan reads WARC and WET files only, and "
            + "the input is jsonl");
  }
}
