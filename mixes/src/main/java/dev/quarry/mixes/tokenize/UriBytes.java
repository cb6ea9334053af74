package dev.quarry.mixes.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * Readers of a {@code tokenizer.json} given as a path or URI, for {@link Tokenizers#load}. Local
 * paths and {@code file:} URIs are read directly; other schemes ({@code s3a://},
 * {@code hdfs://}) through Hadoop's {@code FileSystem}, which Spark puts on the classpath.
 */
public final class UriBytes {
  private UriBytes() {}

  /**
   * Local files directly, anything else through Hadoop with a default configuration (the
   * {@code core-site.xml} on the classpath) if Hadoop is on the classpath.
   */
  public static Function<String, byte[]> defaults() {
    return uri -> isLocal(uri) ? readLocal(uri) : HadoopBytes.readWithDefaults(uri);
  }

  /** Local files directly, anything else through Hadoop with the job's configuration. */
  public static Function<String, byte[]> hadoop(Configuration conf) {
    return uri -> isLocal(uri) ? readLocal(uri) : HadoopBytes.read(uri, conf);
  }

  static boolean isLocal(String uri) {
    // "C:\..." has a one-letter "scheme"; a real scheme is longer.
    int colon = uri.indexOf(':');
    return colon < 2 || uri.startsWith("file:");
  }

  private static byte[] readLocal(String uri) {
    Path path = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
    }
  }
}
