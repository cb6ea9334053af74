package dev.quarry.jobs;

import dev.quarry.core.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** The data files of a mix version, for integration tests that compare versions byte for byte. */
final class MixFiles {
  private MixFiles() {}

  /** "relative/path sha256" for every shard and index file of a local version, sorted. */
  static List<String> checksums(java.nio.file.Path version) throws IOException {
    return checksums(new Path(version.toUri()), new Configuration());
  }

  /** The same for a version on any Hadoop file system (s3a://...). */
  static List<String> checksums(Path version, Configuration conf) throws IOException {
    List<String> lines = new ArrayList<>();
    try (FileSystem fs = FileSystem.newInstance(version.toUri(), conf)) {
      String root = fs.makeQualified(version).toUri().getPath().replaceFirst("/*$", "/");
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(version, true);
      while (files.hasNext()) {
        Path file = files.next().getPath();
        String name = file.getName();
        if (name.startsWith(".") || name.startsWith("_") || name.equals("manifest.json")) {
          continue;
        }
        try (InputStream in = fs.open(file)) {
          lines.add(file.toUri().getPath().substring(root.length()) + " "
              + Hashing.sha256Hex(in.readAllBytes()));
        }
      }
    }
    lines.sort(null);
    return lines;
  }
}
