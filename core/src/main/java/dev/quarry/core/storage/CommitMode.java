package dev.quarry.core.storage;

import dev.quarry.core.config.ConfigException;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * How {@link OutputDir#commit} puts an output in place.
 *
 * <ul>
 *   <li>{@link #RENAME}: {@code _SUCCESS} is written into the temporary directory and the whole
 *       directory is renamed into place; an old output is moved aside first and deleted after.
 *       Right where a directory rename is atomic: the local file system, HDFS.
 *   <li>{@link #OBJECT_STORE}: on an object store a directory rename is a copy and a delete of
 *       every object, one by one, so a {@code _SUCCESS} renamed with the data could appear
 *       before the data does. The temporary directory gets the manifest but no
 *       {@code _SUCCESS}; a marker beside the output records the commit in progress; the old
 *       output's {@code _SUCCESS} is deleted, then the old output; the temporary directory is
 *       renamed into place; {@code _SUCCESS} is written last; the marker is deleted. An output
 *       with {@code _SUCCESS} is therefore always complete.
 * </ul>
 *
 * <p>Chosen by the output's scheme unless the Hadoop setting {@value #KEY} says
 * {@code rename} or {@code object-store} (default {@code auto}).
 */
public enum CommitMode {
  RENAME, OBJECT_STORE;

  public static final String KEY = "quarry.commit.mode";
  /** Hadoop file systems whose directory rename is a copy and delete of each object. */
  static final Set<String> OBJECT_STORE_SCHEMES =
      Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs", "oss");

  /** The mode for an output on a file system with this scheme. */
  public static CommitMode of(Configuration conf, String scheme) {
    String setting = conf.getTrimmed(KEY, "auto").toLowerCase(Locale.ROOT);
    return switch (setting) {
      case "auto" -> scheme != null
          && OBJECT_STORE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))
          ? OBJECT_STORE : RENAME;
      case "rename" -> RENAME;
      case "object-store" -> OBJECT_STORE;
      default -> throw new ConfigException(KEY, "unknown commit mode '" + setting
          + "'; use auto (the default: object-store for " + String.join(", ",
              OBJECT_STORE_SCHEMES.stream().sorted().toList()) + ", else rename), rename or "
          + "object-store");
    };
  }
}
