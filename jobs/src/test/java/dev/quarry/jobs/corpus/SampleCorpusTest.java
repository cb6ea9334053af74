package dev.quarry.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCorpusTest {

  @Test
  void theBundledSamplesAreExactlyWhatTheGeneratorWrites(@TempDir Path dir) throws Exception {
    new SampleCorpus(20261123).write(new Configuration(), dir.toString(), 160, 1);
    for (String file : new String[] {"warc/quarry-sample.warc.gz",
        "wet/quarry-sample.warc.wet.gz", "jsonl/quarry-sample.jsonl"}) {
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

  @Test
  void theMixHasEveryKindAndManyLanguagesIncludingCjk() {
    PageGenerator generator = new PageGenerator(1, TextMaterial.load());
    Map<PageKind, Integer> kinds = new EnumMap<>(PageKind.class);
    Map<String, Integer> languages = new TreeMap<>();
    for (int i = 0; i < 2000; i++) {
      GeneratedPage page = generator.page(i);
      kinds.merge(page.kind(), 1, Integer::sum);
      languages.merge(page.lang(), 1, Integer::sum);
      if (page.kind() == PageKind.EXACT_DUPLICATE) {
        GeneratedPage original = generator.page(page.originalIndex());
        assertThat(page.mainText()).isEqualTo(original.mainText());
        assertThat(page.url()).isNotEqualTo(original.url());
      }
    }
    assertThat(kinds.keySet()).containsExactlyInAnyOrder(PageKind.values());
    assertThat(kinds.get(PageKind.ARTICLE)).isBetween(1100, 1400);
    assertThat(languages).containsKeys("eng", "deu", "rus", "jpn", "cmn", "kor");
    assertThat(languages.size()).isGreaterThanOrEqualTo(8);
    assertThat(languages.get("eng")).isBetween(700, 900);
  }
}
