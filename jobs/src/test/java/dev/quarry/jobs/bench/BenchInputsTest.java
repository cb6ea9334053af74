package dev.quarry.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchInputsTest {
  private static final Configuration CONF = new Configuration();

  @TempDir
  Path dir;

  @Test
  void detectsTheFormatFromTheName() {
    assertThat(BenchInputs.detect("a.warc.gz")).contains(InputFormat.WARC);
    assertThat(BenchInputs.detect("a.warc.wet.gz")).contains(InputFormat.WET);
    assertThat(BenchInputs.detect("a.wet.gz")).contains(InputFormat.WET);
    assertThat(BenchInputs.detect("a.jsonl")).contains(InputFormat.JSONL);
    assertThat(BenchInputs.detect("a.jsonl.gz")).contains(InputFormat.JSONL);
    assertThat(BenchInputs.detect("a.jsonl.zst")).contains(InputFormat.JSONL);
    assertThat(BenchInputs.detect("part-0.parquet")).contains(InputFormat.PARQUET);
    assertThat(BenchInputs.detect("manifest.json")).isEmpty();
    assertThat(BenchInputs.detect("notes.txt")).isEmpty();
  }

  @Test
  void aDirectoryGivesTheDataFilesDirectlyInItSortedWithTheirSizes() throws IOException {
    write("b.warc.gz", 30);
    write("a.warc.gz", 10);
    write("c.warc.gz", 20);
    write("manifest.json", 5);
    write("_SUCCESS", 0);
    write(".a.warc.gz.crc", 1);
    Files.createDirectories(dir.resolve("truth"));
    write("truth/d.warc.gz", 7);

    BenchInput input = BenchInputs.resolve(CONF, List.of(dir.toString()), null);

    assertThat(input.format()).isEqualTo(InputFormat.WARC);
    assertThat(input.files()).extracting(RawFile::relativeName)
        .containsExactly("a.warc.gz", "b.warc.gz", "c.warc.gz");
    assertThat(input.uris()).first().isEqualTo("file:" + dir.resolve("a.warc.gz"));
    assertThat(input.bytes()).isEqualTo(60);
    assertThat(input.first(2).bytes()).isEqualTo(40);
  }

  @Test
  void mixedFormatsAreRefusedNamingTheFiles() throws IOException {
    write("a.warc.gz", 1);
    write("b.jsonl", 1);
    assertThatThrownBy(() -> BenchInputs.resolve(CONF, List.of(dir.toString()), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("command line: --input: the files mix formats")
        .hasMessageContaining("warc: a.warc.gz")
        .hasMessageContaining("jsonl: b.jsonl")
        .hasMessageContaining("pass --format");
  }

  @Test
  void formatReadsEveryDataFileAsThatFormat() throws IOException {
    write("a.warc.gz", 1);
    write("b.jsonl", 1);
    write("c.data", 1);
    write("manifest.json", 1);
    BenchInput input = BenchInputs.resolve(CONF, List.of(dir.toString()), InputFormat.WET);
    assertThat(input.format()).isEqualTo(InputFormat.WET);
    assertThat(input.files()).extracting(RawFile::relativeName)
        .containsExactly("a.warc.gz", "b.jsonl", "c.data");
  }

  @Test
  void globsAndFilesAreExpandedAndUnknownNamesNeedFormat() throws IOException {
    write("a.jsonl", 1);
    write("b.jsonl", 2);
    write("c.data", 4);
    BenchInput input = BenchInputs.resolve(CONF, List.of(dir + "/*.jsonl"), null);
    assertThat(input.format()).isEqualTo(InputFormat.JSONL);
    assertThat(input.bytes()).isEqualTo(3);

    assertThatThrownBy(() -> BenchInputs.resolve(CONF, List.of(dir + "/c.data"), null))
        .hasMessageContaining("--input: cannot tell the format of c.data from the name")
        .hasMessageContaining("pass --format");
  }

  @Test
  void emptyDirectoryAndMissingInputAreRefused() throws IOException {
    Files.createDirectories(dir.resolve("warc"));
    write("manifest.json", 1);
    assertThatThrownBy(() -> BenchInputs.resolve(CONF, List.of(dir.toString()), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("has no data files directly in it (subdirectories are not read)");
    assertThatThrownBy(() -> BenchInputs.resolve(CONF, List.of(dir + "/none"), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("command line: --input: '" + dir + "/none' matches no files");
  }

  private void write(String name, int bytes) throws IOException {
    Files.write(dir.resolve(name), new byte[bytes]);
  }
}
