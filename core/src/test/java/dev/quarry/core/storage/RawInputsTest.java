package dev.quarry.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawInputsTest {
  private final Configuration conf = new Configuration();

  @Test
  void globsExpandSortedWithNamesRelativeToTheGlobRoot(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("crawl/seg-1"));
    Files.createDirectories(dir.resolve("crawl/seg-2"));
    Files.writeString(dir.resolve("crawl/seg-2/b.warc.gz"), "bb");
    Files.writeString(dir.resolve("crawl/seg-1/a.warc.gz"), "a");
    Files.writeString(dir.resolve("crawl/seg-1/_hidden.warc.gz"), "x");
    Files.writeString(dir.resolve("crawl/seg-1/notes.txt"), "x");
    List<RawFile> files = RawInputs.expand(conf,
        List.of(dir.resolve("crawl") + "/*/*.warc.gz"), "input");
    assertThat(files).extracting(RawFile::relativeName)
        .containsExactly("seg-1/a.warc.gz", "seg-2/b.warc.gz");
    assertThat(files).extracting(RawFile::size).containsExactly(1L, 2L);
    assertThat(files.get(0).uri()).startsWith("file:/").endsWith("crawl/seg-1/a.warc.gz");
  }

  @Test
  void aDirectoryIsListedRecursivelyAndAFileIsItsOwnName(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("d/sub"));
    Files.writeString(dir.resolve("d/sub/x.jsonl"), "{}");
    assertThat(RawInputs.expand(conf, List.of(dir.resolve("d").toString()), "input"))
        .extracting(RawFile::relativeName).containsExactly("sub/x.jsonl");
    assertThat(RawInputs.expand(conf, List.of(dir.resolve("d/sub/x.jsonl").toString()), "input"))
        .extracting(RawFile::relativeName).containsExactly("x.jsonl");
  }

  @Test
  void overlappingGlobsDoNotDuplicateFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), "{}");
    assertThat(RawInputs.expand(conf, List.of(dir + "/*.jsonl", dir + "/a.jsonl"), "input"))
        .hasSize(1);
  }

  @Test
  void aGlobMatchingNothingIsAConfigErrorNamingTheField(@TempDir Path dir) {
    assertThatThrownBy(() -> RawInputs.expand(conf, List.of(dir + "/*.warc.gz"), "input"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("input: '" + dir + "/*.warc.gz' matches no files");
  }
}
