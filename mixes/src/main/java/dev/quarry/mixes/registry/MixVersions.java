package dev.quarry.mixes.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The versions of the mixes under one root: {@code <root>/<name>/v0001}, {@code v0002}, …
 * A version is immutable once committed ({@code _SUCCESS} written last); a version directory
 * without it is a create that failed or is still running, and is never reused.
 *
 * <p><b>Claiming a version.</b> A create takes the number after the highest directory present
 * and claims it exclusively: on a local file system by creating the directory (atomic; fails
 * when it exists), elsewhere by creating {@code _CLAIM} inside it with overwrite off, which
 * HDFS makes atomic. If another create got there first it tries the next number, so two
 * concurrent creates never share a version. Object stores (s3a://) do not make either step
 * exclusive: run creates of one mix one at a time there (one Airflow task per mix name).
 */
public final class MixVersions {
  public static final String SUCCESS = "_SUCCESS";
  public static final String CLAIM = "_CLAIM";
  private static final Pattern VERSION = Pattern.compile("v(\\d{4,})");
  private static final int MAX_ATTEMPTS = 1000;

  private final Configuration conf;
  private final Path root;

  public MixVersions(String root, Configuration conf) {
    this.conf = conf;
    this.root = new Path(root);
  }

  /** {@code v0003} for 3. */
  public static String label(int version) {
    return String.format("v%04d", version);
  }

  /** 3 for {@code v0003} or {@code 3}; empty for anything else. */
  public static Optional<Integer> parse(String label) {
    Matcher m = VERSION.matcher(label);
    if (m.matches()) {
      return Optional.of(Integer.parseInt(m.group(1)));
    }
    return label.matches("\\d+") ? Optional.of(Integer.parseInt(label)) : Optional.empty();
  }

  /** The directory of one version. */
  public Path dir(String name, int version) {
    return new Path(new Path(root, name), label(version));
  }

  /** The mix names under the root, sorted. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return names;
      }
      for (FileStatus status : fs.listStatus(root)) {
        if (status.isDirectory() && !status.getPath().getName().startsWith("_")
            && !status.getPath().getName().startsWith(".")) {
          names.add(status.getPath().getName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list mixes under " + root, e);
    }
    names.sort(null);
    return names;
  }

  /** Every version directory of a mix (committed or not), ascending. */
  public List<Integer> versions(String name) {
    List<Integer> versions = new ArrayList<>();
    Path mix = new Path(root, name);
    try {
      FileSystem fs = mix.getFileSystem(conf);
      if (!fs.exists(mix)) {
        return versions;
      }
      for (FileStatus status : fs.listStatus(mix)) {
        Matcher m = VERSION.matcher(status.getPath().getName());
        if (status.isDirectory() && m.matches()) {
          versions.add(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the versions of " + mix, e);
    }
    versions.sort(null);
    return versions;
  }

  /** Whether a version was committed. */
  public boolean committed(String name, int version) {
    Path success = new Path(dir(name, version), SUCCESS);
    try {
      return success.getFileSystem(conf).exists(success);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + success, e);
    }
  }

  /** The highest committed version of a mix, if any. */
  public Optional<Integer> latestCommitted(String name) {
    return versions(name).stream().filter(v -> committed(name, v)).reduce((a, b) -> b);
  }

  /** Claims the next free version of {@code name} and returns its number. */
  public int claimNext(String name) {
    int next = versions(name).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++, next++) {
      if (claim(dir(name, next))) {
        return next;
      }
    }
    throw new IllegalStateException("could not claim a version of '" + name + "' under " + root
        + " after " + MAX_ATTEMPTS + " tries: are that many creates running?");
  }

  private boolean claim(Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if ("file".equals(fs.getUri().getScheme())) {
        java.nio.file.Path local = Paths.get(fs.makeQualified(dir).toUri());
        Files.createDirectories(local.getParent());
        try {
          Files.createDirectory(local);
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        }
      }
      if (fs.exists(dir)) {
        return false;
      }
      try (var out = fs.create(new Path(dir, CLAIM), false)) {
        out.writeBytes("claimed\n");
      }
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot claim " + dir, e);
    }
  }
}
