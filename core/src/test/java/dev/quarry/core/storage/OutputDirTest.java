package dev.quarry.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirTest {
  private final Configuration conf = new Configuration();

  private static Manifest manifest(String fingerprint) {
    return new Manifest("test", "0", "c", Instant.EPOCH, Instant.EPOCH, "local", "app",
        JsonNodeFactory.instance.objectNode(), "h", fingerprint, List.of(), List.of(), Map.of(),
        Map.of());
  }

  private String writeTemp(OutputDir out, String content) throws Exception {
    String temp = out.newTemporary();
    Path dir = Path.of(java.net.URI.create(temp));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("part-0.txt"), content);
    return temp;
  }

  @Test
  void commitWritesManifestThenSuccessAndMovesIntoPlace(@TempDir Path root) throws Exception {
    OutputDir out = new OutputDir(root.resolve("out").toString(), conf);
    assertThat(out.decide("f1", false).kind()).isEqualTo(OutputDir.RunDecision.Kind.RUN);
    out.commit(writeTemp(out, "one"), manifest("f1"));
    Path dir = root.resolve("out");
    assertThat(dir.resolve("_SUCCESS")).exists();
    assertThat(dir.resolve("part-0.txt")).hasContent("one");
    assertThat(out.committedFingerprint()).contains("f1");
    // Nothing temporary is left beside the output.
    try (var siblings = Files.list(root)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }

  @Test
  void sameFingerprintIsUpToDateDifferentIsRefusedUnlessOverwriting(@TempDir Path root)
      throws Exception {
    OutputDir out = new OutputDir(root.resolve("out").toString(), conf);
    out.commit(writeTemp(out, "one"), manifest("f1"));
    assertThat(out.decide("f1", false).kind()).isEqualTo(OutputDir.RunDecision.Kind.UP_TO_DATE);
    OutputDir.RunDecision refused = out.decide("f2", false);
    assertThat(refused.kind()).isEqualTo(OutputDir.RunDecision.Kind.REFUSED);
    assertThat(refused.message()).contains("different config or different inputs")
        .contains("--overwrite");
    assertThat(out.decide("f2", true).kind()).isEqualTo(OutputDir.RunDecision.Kind.RUN);
    assertThat(out.decide("f1", true).kind()).isEqualTo(OutputDir.RunDecision.Kind.RUN);
  }

  @Test
  void overwriteReplacesTheWholeDirectory(@TempDir Path root) throws Exception {
    OutputDir out = new OutputDir(root.resolve("out").toString(), conf);
    out.commit(writeTemp(out, "one"), manifest("f1"));
    Files.writeString(root.resolve("out/stale.txt"), "from the old run");
    out.commit(writeTemp(out, "two"), manifest("f2"));
    assertThat(root.resolve("out/part-0.txt")).hasContent("two");
    assertThat(root.resolve("out/stale.txt")).doesNotExist();
    assertThat(out.committedFingerprint()).contains("f2");
    try (var siblings = Files.list(root)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }

  @Test
  void directoryWithoutSuccessIsNotAnOutput(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("out"));
    Files.writeString(root.resolve("out/part-0.txt"), "half-written");
    OutputDir out = new OutputDir(root.resolve("out").toString(), conf);
    assertThat(out.committedFingerprint()).isEmpty();
    OutputDir.RunDecision decision = out.decide("f1", false);
    assertThat(decision.kind()).isEqualTo(OutputDir.RunDecision.Kind.REFUSED);
    assertThat(decision.message()).contains("not a committed Quarry output");
  }

  @Test
  void fingerprintDependsOnConfigInputsAndVersionButNotInputOrder() {
    Manifest.InputRef a = new Manifest.InputRef("file:/a", 10L, Instant.EPOCH, null);
    Manifest.InputRef b = Manifest.InputRef.dataset("file:/b", "abc");
    String f = Fingerprint.of("cfg", List.of(a, b), "1.0");
    assertThat(Fingerprint.of("cfg", List.of(b, a), "1.0")).isEqualTo(f);
    assertThat(Fingerprint.of("cfg2", List.of(a, b), "1.0")).isNotEqualTo(f);
    assertThat(Fingerprint.of("cfg", List.of(a, b), "1.1")).isNotEqualTo(f);
    Manifest.InputRef touched = new Manifest.InputRef("file:/a", 11L, Instant.EPOCH, null);
    assertThat(Fingerprint.of("cfg", List.of(touched, b), "1.0")).isNotEqualTo(f);
  }

  /**
   * A driver killed at each point of a commit leaves one of these states (built here by hand:
   * the directories a commit makes, stopped between its steps); in each, the next run sees no
   * half-committed output — a leftover is never taken for the output — and its own commit
   * finishes.
   */
  @Test
  void everyStateAKilledCommitLeavesIsRecoveredByTheNextRun(@TempDir Path root)
      throws Exception {
    OutputDir out = new OutputDir(root.resolve("out").toString(), conf);
    Path output = root.resolve("out");

    // Killed while the stage wrote its temporary directory (before manifest and _SUCCESS).
    writeTemp(out, "half");
    assertThat(out.decide("f1", false).kind()).isEqualTo(OutputDir.RunDecision.Kind.RUN);
    assertThat(out.committedManifest()).isEmpty();
    out.commit(writeTemp(out, "one"), manifest("f1"));
    assertThat(output.resolve("part-0.txt")).hasContent("one");

    // Overwriting: killed after the old output was moved aside, before the new one moved in.
    Path aside = root.resolve(".out.quarry-old-deadbeef");
    Files.move(output, aside);
    String complete = writeTemp(out, "two");
    Files.writeString(Path.of(java.net.URI.create(complete)).resolve("_SUCCESS"), "");
    assertThat(out.decide("f1", false).kind()).as("no output: run again")
        .isEqualTo(OutputDir.RunDecision.Kind.RUN);
    out.commit(writeTemp(out, "three"), manifest("f2"));
    assertThat(output.resolve("part-0.txt")).hasContent("three");
    assertThat(out.committedFingerprint()).contains("f2");

    // Killed after the new output moved in, before the old one was deleted: it is committed.
    Files.createDirectories(root.resolve(".out.quarry-old-cafef00d"));
    assertThat(out.decide("f2", false).kind()).isEqualTo(OutputDir.RunDecision.Kind.UP_TO_DATE);
    // The leftovers beside it are hidden names no reader or decision looks at.
    try (var siblings = Files.list(root)) {
      assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
          .containsExactly("out");
    }
  }

  /**
   * The test-only halt hook fires only for the output it names (CommitCrashIT kills a real
   * driver with it); here it names another output, so this commit runs to the end.
   */
  @Test
  void theHaltHookLeavesOtherOutputsAlone(@TempDir Path root) throws Exception {
    OutputDir out = new OutputDir(root.resolve("out").toString(), conf);
    System.setProperty(OutputDir.HALT_COMMIT, "after-manifest");
    System.setProperty(OutputDir.HALT_COMMIT + ".output", "another");
    try {
      out.commit(writeTemp(out, "one"), manifest("f1"));
    } finally {
      System.clearProperty(OutputDir.HALT_COMMIT);
      System.clearProperty(OutputDir.HALT_COMMIT + ".output");
    }
    assertThat(out.committedFingerprint()).contains("f1");
  }
}
