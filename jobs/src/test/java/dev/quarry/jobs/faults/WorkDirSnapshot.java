package dev.quarry.jobs.faults;

import dev.quarry.core.Hashing;
import dev.quarry.jobs.report.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every file and directory under a root, with what a write would change: size, modification
 * time and SHA-256 for files, modification time for directories (which an added, removed or
 * renamed entry changes). The runs' records and reports ({@code runs/}) are left out: every run
 * adds its own.
 */
final class WorkDirSnapshot {
  private WorkDirSnapshot() {}

  static List<String> of(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> !root.relativize(p).startsWith(RunRecord.RUNS)).sorted()
          .map(p -> describe(root, p)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Path root, Path p) {
    try {
      String modified = Files.getLastModifiedTime(p).toString();
      if (Files.isDirectory(p)) {
        return root.relativize(p) + "/ " + modified;
      }
      return root.relativize(p) + " " + Files.size(p) + " " + modified + " "
          + Hashing.sha256Hex(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
