package dev.quarry.core.storage;

import dev.quarry.core.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Expands input globs over any Hadoop file system into a sorted, de-duplicated file list. */
public final class RawInputs {
  private RawInputs() {}

  /**
   * @param field the config field the globs came from, named in errors
   * @throws ConfigException when a glob matches nothing
   */
  public static List<RawFile> expand(Configuration conf, List<String> globs, String field) {
    Map<String, RawFile> files = new TreeMap<>();
    for (String glob : globs) {
      try {
        Path pattern = new Path(glob);
        FileSystem fs = pattern.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(pattern, p -> !isHidden(p));
        if (matches == null || matches.length == 0) {
          throw new ConfigException(field, "'" + glob + "' matches no files; check the path "
              + "(globs such as 'dir/*.warc.gz' are allowed)");
        }
        String root = fs.makeQualified(globRoot(pattern, matches)).toString();
        for (FileStatus match : matches) {
          if (match.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
            while (it.hasNext()) {
              LocatedFileStatus f = it.next();
              if (!isHidden(f.getPath())) {
                add(files, fs, f, root);
              }
            }
          } else {
            add(files, fs, match, root);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list input '" + glob + "'", e);
      }
    }
    return List.copyOf(files.values());
  }

  private static void add(Map<String, RawFile> files, FileSystem fs, FileStatus status,
      String root) {
    String uri = fs.makeQualified(status.getPath()).toString();
    String relative = uri.startsWith(root + "/") ? uri.substring(root.length() + 1)
        : status.getPath().getName();
    files.putIfAbsent(uri, new RawFile(uri, relative, status.getLen(),
        status.getModificationTime()));
  }

  /** The directory above the first glob component, the directory itself, or a file's parent. */
  static Path globRoot(Path pattern, FileStatus[] matches) {
    if (!hasGlob(pattern.toUri().getPath())) {
      return matches.length == 1 && matches[0].isDirectory() ? pattern : pattern.getParent();
    }
    Path root = pattern;
    while (root.getParent() != null && hasGlob(root.toUri().getPath())) {
      root = root.getParent();
    }
    return root;
  }

  private static boolean hasGlob(String s) {
    return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  static boolean isHidden(Path p) {
    String name = p.getName();
    return name.startsWith("_") || name.startsWith(".");
  }
}
