package dev.quarry.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A job's output directory on any Hadoop file system, with Quarry's commit protocol: the job
 * writes into a hidden sibling temporary directory, then {@link #commit} writes
 * {@code manifest.json}, then {@code _SUCCESS}, and renames the whole directory into place.
 * On an object store ({@link CommitMode#OBJECT_STORE}) {@code _SUCCESS} is written after the
 * rename instead. A directory without {@code _SUCCESS} is not a Quarry output.
 */
public final class OutputDir {
  public static final String MANIFEST = "manifest.json";
  public static final String SUCCESS = "_SUCCESS";
  /** The system property of the test-only fault hook in {@link #commit}. */
  public static final String HALT_COMMIT = "quarry.fault.halt-commit";
  /** The exit status of a JVM halted by that hook. */
  public static final int HALT_STATUS = 86;

  private final Path path;
  private final FileSystem fs;
  private final CommitMode mode;

  public OutputDir(String uri, Configuration conf) {
    try {
      Path raw = new Path(uri);
      this.fs = raw.getFileSystem(conf);
      this.path = fs.makeQualified(raw);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open file system for output " + uri, e);
    }
    this.mode = CommitMode.of(conf, path.toUri().getScheme());
  }

  public CommitMode commitMode() {
    return mode;
  }

  public String uri() {
    return path.toString();
  }

  public String manifestUri() {
    return new Path(path, MANIFEST).toString();
  }

  /** What to do given the fingerprint of the run about to start. */
  public RunDecision decide(String fingerprint, boolean overwrite) {
    try {
      if (!fs.exists(path)) {
        return RunDecision.run();
      }
      Optional<String> committed = committedFingerprint();
      if (committed.isPresent() && committed.get().equals(fingerprint) && !overwrite) {
        return RunDecision.upToDate();
      }
      if (overwrite) {
        return RunDecision.run();
      }
      if (committed.isEmpty() && mode == CommitMode.OBJECT_STORE && fs.exists(committing())) {
        // An object-store commit was interrupted: what is there is a half-deleted old output
        // or a half-moved new one, never a committed one (_SUCCESS is deleted first and
        // written last). Its run failed, so its rerun redoes it.
        return RunDecision.run();
      }
      return RunDecision.refused(committed.isPresent()
          ? "output " + path + " was already written with a different config or different inputs "
              + "(fingerprint " + abbreviate(committed.get()) + ", this run "
              + abbreviate(fingerprint) + "). Pass --overwrite to replace it, or choose "
              + "another output."
          : "output " + path + " exists but is not a committed Quarry output (no " + SUCCESS
              + "). Pass --overwrite to replace it, or choose another output.");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect output " + path, e);
    }
  }

  /** The fingerprint in the committed manifest, if the directory is a committed output. */
  public Optional<String> committedFingerprint() {
    return committedManifest().map(m -> m.path("fingerprint").asText(""));
  }

  public Optional<JsonNode> committedManifest() {
    try {
      if (!fs.exists(new Path(path, SUCCESS)) || !fs.exists(new Path(path, MANIFEST))) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(new Path(path, MANIFEST))) {
        return Optional.of(Json.mapper().readTree(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read manifest of " + path, e);
    }
  }

  /** Creates a fresh hidden temporary directory beside the output and returns its URI. */
  public String newTemporary() {
    Path temp = sibling("tmp-" + UUID.randomUUID().toString().substring(0, 8));
    try {
      fs.mkdirs(path.getParent());
      return temp.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create parent of output " + path, e);
    }
  }

  /**
   * Writes the manifest and {@code _SUCCESS} into {@code temporary}, then moves it into place. An
   * existing output is first moved aside and deleted only after the new one is in place, so a
   * failure leaves either the old output or the new one, never a mix. On an object store,
   * {@link #commitToObjectStore} instead.
   */
  public void commit(String temporary, Manifest manifest) {
    if (mode == CommitMode.OBJECT_STORE) {
      commitToObjectStore(new Path(temporary), manifest);
      return;
    }
    Path temp = new Path(temporary);
    Path aside = sibling("old-" + UUID.randomUUID().toString().substring(0, 8));
    try {
      write(new Path(temp, MANIFEST), Json.pretty(manifest));
      haltIfAsked("after-manifest");
      write(new Path(temp, SUCCESS), "");
      haltIfAsked("after-success");
      boolean hadOld = fs.exists(path);
      if (hadOld && !fs.rename(path, aside)) {
        throw new IOException("cannot move old output aside to " + aside);
      }
      haltIfAsked("after-move-aside");
      if (!fs.rename(temp, path)) {
        if (hadOld) {
          fs.rename(aside, path);
        }
        throw new IOException("cannot rename " + temp + " to " + path);
      }
      haltIfAsked("after-move-in");
      if (hadOld) {
        fs.delete(aside, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit output " + path, e);
    }
  }

  /**
   * Test-only fault hook: with {@code -Dquarry.fault.halt-commit=<step>} (and, to pick one
   * stage, {@code -Dquarry.fault.halt-commit.output=<the output directory's name>}), the JVM
   * halts at that step of a commit as a killed driver would — no shutdown hooks, no cleanup.
   */
  private void haltIfAsked(String step) {
    if (step.equals(System.getProperty(HALT_COMMIT)) && path.getName().equals(
        System.getProperty(HALT_COMMIT + ".output", path.getName()))) {
      System.err.println("quarry: " + HALT_COMMIT + "=" + step + ": halting in the commit of "
          + path);
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }

  /**
   * The commit for object stores, where a rename copies and deletes object by object, in an
   * order no one chooses: nothing at the output's path has {@code _SUCCESS} unless it is
   * complete. The old output's {@code _SUCCESS} goes first, the new one's is written last,
   * and the marker beside the output tells the next run that a half output there is an
   * interrupted commit, not someone else's directory. Unlike the rename mode, a failure
   * between deleting the old output and the end leaves neither: the run failed, and its rerun
   * writes the output again.
   */
  private void commitToObjectStore(Path temp, Manifest manifest) {
    Path marker = committing();
    try {
      write(new Path(temp, MANIFEST), Json.pretty(manifest));
      haltIfAsked("after-manifest");
      write(marker, "committing " + temp + " to " + path + "\n");
      if (fs.exists(path)) {
        fs.delete(new Path(path, SUCCESS), false);
        if (!fs.delete(path, true)) {
          throw new IOException("cannot delete the old output");
        }
      }
      if (!fs.rename(temp, path)) {
        throw new IOException("cannot rename " + temp + " to " + path);
      }
      haltIfAsked("after-move-in");
      write(new Path(path, SUCCESS), "");
      fs.delete(marker, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit output " + path, e);
    }
  }

  /** The marker of an object-store commit in progress: a hidden file beside the output. */
  private Path committing() {
    return sibling("committing");
  }

  /**
   * A hidden path beside the output, {@code .<name>.quarry-<what>}: where a commit keeps its
   * temporary directory, the old output it moves aside, or its marker. Readers never look there.
   */
  private Path sibling(String what) {
    return new Path(path.getParent(), "." + path.getName() + ".quarry-" + what);
  }

  /** Deletes a temporary directory of a run that failed. */
  public void discard(String temporary) {
    try {
      fs.delete(new Path(temporary), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary output " + temporary, e);
    }
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.length() > 12 ? fingerprint.substring(0, 12) + "…" : fingerprint;
  }

  private void write(Path file, String content) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Outcome of {@link #decide}. */
  public record RunDecision(Kind kind, String message) {
    public enum Kind { RUN, UP_TO_DATE, REFUSED }

    static RunDecision run() {
      return new RunDecision(Kind.RUN, null);
    }

    static RunDecision upToDate() {
      return new RunDecision(Kind.UP_TO_DATE, null);
    }

    static RunDecision refused(String message) {
      return new RunDecision(Kind.REFUSED, message);
    }
  }
}
