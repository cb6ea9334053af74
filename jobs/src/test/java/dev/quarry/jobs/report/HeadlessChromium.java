package dev.quarry.jobs.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} run headless on a local page: the DOM after its scripts ran, or a
 * screenshot. The binary is {@code $QUARRY_CHROMIUM} or the first of chromium,
 * chromium-browser, google-chrome on the PATH; none is a test failure that says what to install
 * ({@code .ci/run} installs it). Each call is one browser process with a fresh profile, killed if
 * it has not finished within two minutes.
 */
final class HeadlessChromium {
  private static final long TIMEOUT_SECONDS = 120;
  private final String binary;
  private final Path scratch;

  HeadlessChromium(Path scratch) {
    this.binary = find();
    this.scratch = scratch;
  }

  /** The serialized DOM of {@code page} once it has loaded and its scripts have run. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, "dom", List.of("--dump-dom"));
  }

  /** Saves a PNG of the page's first {@code width}×{@code height} CSS pixels to {@code png}. */
  void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(page, "shot", List.of("--screenshot=" + png.toAbsolutePath(),
        "--window-size=" + width + "," + height, "--hide-scrollbars"));
  }

  private String run(Path page, String name, List<String> what)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(Files.createDirectories(scratch), "profile-");
    List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(what);
    command.add(page.toAbsolutePath().toUri().toString());
    Path out = scratch.resolve(name + ".out");
    Path err = scratch.resolve(name + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
            new File("/dev/null"))).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail(binary + " did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      fail(binary + " exited " + process.exitValue() + ": " + Files.readString(err));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String find() {
    String configured = System.getenv("QUARRY_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    return fail("the report test renders report.html in headless Chromium, and none is "
        + "installed: install Debian's chromium package (sudo apt-get install chromium; "
        + ".ci/run does) or set QUARRY_CHROMIUM to a Chromium or Chrome binary");
  }
}
