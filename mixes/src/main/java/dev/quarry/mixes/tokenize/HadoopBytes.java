package dev.quarry.mixes.tokenize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads a whole file through Hadoop's {@code FileSystem}. Kept apart from {@link UriBytes} so
 * that reading local files never touches a Hadoop class: outside Spark Hadoop may be absent.
 */
final class HadoopBytes {
  private HadoopBytes() {}

  static byte[] readWithDefaults(String uri) {
    Configuration conf;
    try {
      conf = new Configuration();
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("reading " + uri + " needs Hadoop's FileSystem, which is "
          + "not on the classpath: run inside Spark, or give a local path to tokenizer.json", e);
    }
    return read(uri, conf);
  }

  static byte[] read(String uri, Configuration conf) {
    Path path = new Path(uri);
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri, e);
    }
  }
}
