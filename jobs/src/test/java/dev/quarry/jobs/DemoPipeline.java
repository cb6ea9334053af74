package dev.quarry.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo pipeline (conf/pipelines/demo.yaml) for tests that run it whole: its work_dir and samples
 * where the test puts them, its filter chain and mix spec those of the repository.
 */
public final class DemoPipeline {
  public static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  public static final Path SAMPLES = REPO.resolve("samples");

  private DemoPipeline() {}

  /** Writes the pipeline to {@code file}; {@code samples} is a URI or path, no trailing slash. */
  public static Path write(Path file, String workDir, String samples) throws IOException {
    String demo = Files.readString(REPO.resolve("conf/pipelines/demo.yaml"))
        .replace("work_dir: out/demo", "work_dir: " + workDir)
        .replace("samples/", samples + "/")
        .replace("conf/filters/", REPO.resolve("conf/filters") + "/")
        .replace("conf/mixes/", REPO.resolve("conf/mixes") + "/");
    return Files.writeString(file, demo);
  }
}
