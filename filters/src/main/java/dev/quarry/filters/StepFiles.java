package dev.quarry.filters;

import dev.quarry.core.config.ConfigException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens the files a step reads when it is built (list files, classifier models): a path starting
 * with {@code classpath:} is a resource of the job's jar; any other path is read with the Hadoop
 * FileSystem API, so {@code s3a://}, {@code hdfs://} and local paths work alike.
 */
public final class StepFiles {
  public static final String CLASSPATH = "classpath:";

  private StepFiles() {}

  /**
   * Opens {@code path}, given as parameter {@code field}; a file that is not there fails with a
   * {@link ConfigException} naming the field and {@code what} it is ("list file", "model").
   */
  public static InputStream open(String path, String field, String what) throws IOException {
    if (path.startsWith(CLASSPATH)) {
      InputStream in = resource(path);
      if (in == null) {
        throw new ConfigException(field, "no such " + what + " '" + path + "' (classpath)");
      }
      return in;
    }
    try {
      Path file = new Path(path);
      FileSystem fs = file.getFileSystem(new Configuration());
      return fs.open(file);
    } catch (FileNotFoundException e) {
      throw new ConfigException(field, "no such " + what + " '" + path + "'");
    } catch (IllegalArgumentException e) {
      throw new ConfigException(field, "bad " + what + " path '" + path + "': " + e.getMessage());
    }
  }

  /**
   * Whether {@code path} is a directory. A {@code classpath:} path never is (resources are read
   * as files); a path that does not exist is not.
   */
  public static boolean isDirectory(String path, String field, String what) throws IOException {
    if (path.startsWith(CLASSPATH)) {
      return false;
    }
    try {
      Path file = new Path(path);
      FileSystem fs = file.getFileSystem(new Configuration());
      return fs.exists(file) && fs.getFileStatus(file).isDirectory();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(field, "bad " + what + " path '" + path + "': " + e.getMessage());
    }
  }

  /** Whether the {@code classpath:} resource {@code path} is there. */
  public static boolean resourceExists(String path) throws IOException {
    try (InputStream in = resource(path)) {
      return in != null;
    }
  }

  private static InputStream resource(String path) {
    String resource = path.substring(CLASSPATH.length()).replaceFirst("^/+", "");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
    return in != null ? in : StepFiles.class.getClassLoader().getResourceAsStream(resource);
  }
}
