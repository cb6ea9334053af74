package dev.quarry.jobs;

import dev.quarry.core.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The data files of a mix version, for integration tests that compare versions byte for byte. */
final class MixFiles {
  private MixFiles() {}

  /** "relative/path sha256" for every shard and index file of a version, sorted. */
  static List<String> checksums(Path version) throws IOException {
    try (Stream<Path> paths = Files.walk(version)) {
      return paths.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".")
              && !p.getFileName().toString().startsWith("_")
              && !p.getFileName().toString().equals("manifest.json"))
          .map(p -> {
            try {
              return version.relativize(p) + " " + Hashing.sha256Hex(Files.readAllBytes(p));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }).sorted().toList();
    }
  }
}
