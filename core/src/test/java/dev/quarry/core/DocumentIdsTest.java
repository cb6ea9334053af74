package dev.quarry.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentIdsTest {

  @Test
  void idIsA128BitHexStringFixedForAGivenSourceAndLocation() {
    String id = DocumentIds.of("cc", "CC-MAIN-2024-10-00001.warc.gz#83412");
    assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
    // A golden value: ids must never change between versions or machines.
    assertThat(id).isEqualTo(Hashing.sha256Hex("cc\u0000CC-MAIN-2024-10-00001.warc.gz#83412")
        .substring(0, 32));
    assertThat(DocumentIds.of("cc", "CC-MAIN-2024-10-00001.warc.gz#83412")).isEqualTo(id);
  }

  @Test
  void sourceAndLocationBothMatter() {
    String id = DocumentIds.of("cc", "a.warc.gz#0");
    assertThat(DocumentIds.of("cc2", "a.warc.gz#0")).isNotEqualTo(id);
    assertThat(DocumentIds.of("cc", "a.warc.gz#1")).isNotEqualTo(id);
    // The separator keeps "c"+"ca..." apart from "cc"+"a...".
    assertThat(DocumentIds.of("c", "ca.warc.gz#0")).isNotEqualTo(id);
  }
}
