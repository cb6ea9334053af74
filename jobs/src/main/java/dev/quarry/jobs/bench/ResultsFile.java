package dev.quarry.jobs.bench;

import dev.quarry.core.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The JSON Lines file bench results are appended to (a local file: appends need one). */
public final class ResultsFile {
  private ResultsFile() {}

  /**
   * The results file: {@code results} when given, else {@code bench-results.jsonl} in the work
   * directory.
   *
   * @throws ConfigException naming --results (or --work-dir) when it is not a local path
   */
  public static Path locate(String results, String workDir) {
    if (results != null) {
      return local(results, "--results");
    }
    try {
      return local(workDir, "--work-dir").resolve("bench-results.jsonl");
    } catch (ConfigException e) {
      throw new ConfigException("command line", "--results", "is required when --work-dir "
          + "is not on the local file system (results are appended to a local file)");
    }
  }

  private static Path local(String location, String option) {
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location));
    }
    if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      throw new ConfigException("command line", option, "'" + location + "' is not a local "
          + "path; results are appended to a local file");
    }
    return Path.of(location).toAbsolutePath();
  }

  /** Appends one line per entry (creating the file and its directories); never truncates. */
  public static void append(Path file, List<String> lines) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append results to " + file, e);
    }
  }
}
