package dev.quarry.jobs.bench;

import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.InputFormat;
import java.util.List;

/**
 * The files one benchmark run reads, sorted, and their format. Sizes are the file systems'
 * (compressed bytes for compressed shards).
 */
public record BenchInput(List<RawFile> files, InputFormat format) {
  public BenchInput {
    files = List.copyOf(files);
  }

  public long bytes() {
    return files.stream().mapToLong(RawFile::size).sum();
  }

  public List<String> uris() {
    return files.stream().map(RawFile::uri).toList();
  }

  /** The first {@code n} files (a step of a scaling run). */
  public BenchInput first(int n) {
    return new BenchInput(files.subList(0, n), format);
  }
}
