package dev.quarry.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCorpusTest {

  @Test
  void theBundledSamplesAreExactlyWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
    new SampleCorpus(20261123).write(new Configuration(), dir.toString(), 160, 1);
    for (String file : new String[] {"warc/quarry-sample.warc.gz",
        "wet/quarry-sample.warc.wet.gz", "jsonl/quarry-sample.jsonl", "truth/pages.jsonl",
        "truth/duplicates.jsonl", "truth/pii.jsonl"}) {
      Path bundled = Path.of("..", "samples", file);
      assertThat(Hashing.sha256Hex(Files.readAllBytes(dir.resolve(file))))
          .as("samples/%s must be regenerated with `bin/quarry gen-samples`", file)
          .isEqualTo(Hashing.sha256Hex(Files.readAllBytes(bundled)));
    }
    assertThat(Files.size(Path.of("..", "samples", "warc", "quarry-sample.warc.gz")))
        .isLessThan(2L << 20);
  }

  @Test
  void pagesDependOnlyOnSeedAndIndex() {
    PageGenerator a = new PageGenerator(5, TextMaterial.load());
    PageGenerator b = new PageGenerator(5, TextMaterial.load());
    assertThat(a.page(123)).isEqualTo(b.page(123));
    assertThat(new PageGenerator(6, TextMaterial.load()).page(123)).isNotEqualTo(a.page(123));
  }
}
