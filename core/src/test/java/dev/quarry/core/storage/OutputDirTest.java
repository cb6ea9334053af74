package dev.quarry.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.quarry.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest
  @ValueSource(strings = {"rename", "object-store"})
  void overwriteReplacesTheWholeDirectory(String mode, @TempDir Path root) throws Exception {
    conf.set(CommitMode.KEY, mode);
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

  /** The local file system in object-store commit mode, recording what it is asked to change. */
  private static Configuration objectStoreMode() {
    Configuration objectStore = new Configuration();
    objectStore.set(CommitMode.KEY, "object-store");
    objectStore.set("fs.file.impl", RecordingFileSystem.class.getName());
    objectStore.setBoolean("fs.file.impl.disable.cache", true);
    RecordingFileSystem.CALLS.clear();
    return objectStore;
  }

  /** Records create, rename and delete calls, in order, as "op path". */
  public static final class RecordingFileSystem extends LocalFileSystem {
    static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

    @Override
    public FSDataOutputStream create(org.apache.hadoop.fs.Path f, FsPermission permission,
        boolean overwrite, int bufferSize, short replication, long blockSize,
        Progressable progress) throws java.io.IOException {
      CALLS.add("create " + f.toUri().getPath());
      return super.create(f, permission, overwrite, bufferSize, replication, blockSize,
          progress);
    }

    @Override
    public boolean rename(org.apache.hadoop.fs.Path src, org.apache.hadoop.fs.Path dst)
        throws java.io.IOException {
      CALLS.add("rename " + src.toUri().getPath() + " -> " + dst.toUri().getPath());
      return super.rename(src, dst);
    }

    @Override
    public boolean delete(org.apache.hadoop.fs.Path f, boolean recursive)
        throws java.io.IOException {
      CALLS.add("delete " + f.toUri().getPath());
      return super.delete(f, recursive);
    }

    static List<String> relativeTo(Path root) {
      synchronized (CALLS) {
        String prefix = root.toAbsolutePath() + "/";
        return CALLS.stream().map(c -> c.replace(prefix, "")
            .replaceAll("quarry-tmp-[0-9a-f]{8}", "quarry-tmp-X")).toList();
      }
    }
  }

  @Test
  void theCommitModeFollowsTheSchemeUnlessSet() {
    Configuration auto = new Configuration();
    for (String scheme : List.of("s3a", "s3", "gs", "abfss", "wasb", "oss")) {
      assertThat(CommitMode.of(auto, scheme)).as(scheme).isEqualTo(CommitMode.OBJECT_STORE);
    }
    for (String scheme : List.of("file", "hdfs", "viewfs")) {
      assertThat(CommitMode.of(auto, scheme)).as(scheme).isEqualTo(CommitMode.RENAME);
    }
    Configuration set = new Configuration();
    set.set(CommitMode.KEY, "rename");
    assertThat(CommitMode.of(set, "s3a")).isEqualTo(CommitMode.RENAME);
    set.set(CommitMode.KEY, "object-store");
    assertThat(CommitMode.of(set, "file")).isEqualTo(CommitMode.OBJECT_STORE);
    set.set(CommitMode.KEY, "atomic");
    assertThatThrownBy(() -> CommitMode.of(set, "s3a")).isInstanceOf(ConfigException.class)
        .hasMessageContaining(CommitMode.KEY).hasMessageContaining("'atomic'")
        .hasMessageContaining("object-store");
  }

  /**
   * On an object store a directory rename copies object by object, so {@code _SUCCESS} must not
   * travel with the data: it is deleted from the old output before anything else and written
   * into the new one after the rename, and the marker of the commit in progress lives from
   * before the first change to after the last.
   */
  @Test
  void theObjectStoreCommitWritesSuccessAfterEveryDataFile(@TempDir Path root)
      throws Exception {
    Configuration objectStore = objectStoreMode();
    OutputDir out = new OutputDir(root.resolve("out").toString(), objectStore);
    assertThat(out.commitMode()).isEqualTo(CommitMode.OBJECT_STORE);
    out.commit(writeTemp(out, "one"), manifest("f1"));
    assertThat(RecordingFileSystem.relativeTo(root)).containsExactly(
        "create .out.quarry-tmp-X/manifest.json",
        "create .out.quarry-committing",
        "rename .out.quarry-tmp-X -> out",
        "create out/_SUCCESS",
        "delete .out.quarry-committing");

    RecordingFileSystem.CALLS.clear();
    out.commit(writeTemp(out, "two"), manifest("f2"));
    assertThat(RecordingFileSystem.relativeTo(root)).containsExactly(
        "create .out.quarry-tmp-X/manifest.json",
        "create .out.quarry-committing",
        "delete out/_SUCCESS",
        "delete out",
        "rename .out.quarry-tmp-X -> out",
        "create out/_SUCCESS",
        "delete .out.quarry-committing");
    assertThat(out.committedFingerprint()).contains("f2");
  }

  /**
   * An object-store commit stopped between any two of its steps (each state built here by
   * hand) leaves nothing that reads as committed unless it is complete, and the next run —
   * told "run", not "refused" — commits cleanly over it.
   */
  @Test
  void everyStateAnInterruptedObjectStoreCommitLeavesIsRecoveredByTheNextRun(
      @TempDir Path root) throws Exception {
    OutputDir out = new OutputDir(root.resolve("out").toString(), objectStoreMode());
    Path output = root.resolve("out");
    Path marker = root.resolve(".out.quarry-committing");
    out.commit(writeTemp(out, "one"), manifest("f1"));

    // Stopped after the marker, before the old output was touched: the old one is complete.
    Files.writeString(marker, "committing");
    assertThat(out.decide("f1", false).kind()).isEqualTo(OutputDir.RunDecision.Kind.UP_TO_DATE);
    assertThat(out.decide("f2", false).kind()).as("like the run that was stopped: --overwrite")
        .isEqualTo(OutputDir.RunDecision.Kind.REFUSED);
    out.commit(writeTemp(out, "two"), manifest("f2"));
    assertThat(marker).doesNotExist();

    // Stopped while deleting the old output: its _SUCCESS went first, some data after it.
    Files.writeString(marker, "committing");
    Files.delete(output.resolve("_SUCCESS"));
    Files.delete(output.resolve("part-0.txt"));
    assertCommittedNothingButRuns(out, "f2");
    out.commit(writeTemp(out, "three"), manifest("f3"));
    assertThat(output.resolve("part-0.txt")).hasContent("three");

    // Stopped while the rename moved the new output in: part of it there, the rest in the
    // temporary directory (left behind, hidden, never read).
    Files.writeString(marker, "committing");
    deleteRecursively(output);
    String halfMoved = writeTemp(out, "four");
    Files.createDirectories(output);
    Files.move(Path.of(java.net.URI.create(halfMoved)).resolve("part-0.txt"),
        output.resolve("part-0.txt"));
    assertCommittedNothingButRuns(out, "f4");
    out.commit(writeTemp(out, "five"), manifest("f5"));
    assertThat(output.resolve("part-0.txt")).hasContent("five");
    assertThat(out.committedFingerprint()).contains("f5");

    // Stopped after the rename, before _SUCCESS: complete, but not committed.
    Files.writeString(marker, "committing");
    Files.delete(output.resolve("_SUCCESS"));
    assertCommittedNothingButRuns(out, "f5");
    out.commit(writeTemp(out, "six"), manifest("f6"));

    // Stopped after _SUCCESS, before the marker was deleted: committed.
    Files.writeString(marker, "committing");
    assertThat(out.decide("f6", false).kind()).isEqualTo(OutputDir.RunDecision.Kind.UP_TO_DATE);
    assertThat(out.committedFingerprint()).contains("f6");

    // Without a marker, a directory without _SUCCESS is still someone else's: refused.
    Files.delete(marker);
    Files.delete(output.resolve("_SUCCESS"));
    assertThat(out.decide("f6", false).kind()).isEqualTo(OutputDir.RunDecision.Kind.REFUSED);
  }

  private static void assertCommittedNothingButRuns(OutputDir out, String fingerprint) {
    assertThat(out.committedManifest()).isEmpty();
    assertThat(out.decide(fingerprint, false).kind()).as("an interrupted commit: run again")
        .isEqualTo(OutputDir.RunDecision.Kind.RUN);
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
