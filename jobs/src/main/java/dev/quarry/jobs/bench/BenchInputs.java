package dev.quarry.jobs.bench;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.storage.RawFile;
import dev.quarry.core.storage.RawInputs;
import dev.quarry.ingest.InputFormat;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Turns {@code --input} (files, globs or directories, on any Hadoop file system) into the sorted
 * files of a benchmark and their format. A directory contributes the data files directly in it,
 * recognised by their names; {@code manifest.json}, hidden files ({@code _SUCCESS}) and
 * subdirectories are not read. An explicit {@code --format} reads every such file as that
 * format.
 */
public final class BenchInputs {
  private static final String OPTION = "--input";

  /** File name endings and what they mean, longer endings before their suffixes. */
  private static final Map<String, InputFormat> ENDINGS = endings();

  private BenchInputs() {}

  private static Map<String, InputFormat> endings() {
    Map<String, InputFormat> endings = new LinkedHashMap<>();
    endings.put(".warc.wet.gz", InputFormat.WET);
    endings.put(".wet.gz", InputFormat.WET);
    endings.put(".wet", InputFormat.WET);
    endings.put(".warc.gz", InputFormat.WARC);
    endings.put(".warc", InputFormat.WARC);
    endings.put(".jsonl", InputFormat.JSONL);
    endings.put(".jsonl.gz", InputFormat.JSONL);
    endings.put(".jsonl.zst", InputFormat.JSONL);
    endings.put(".parquet", InputFormat.PARQUET);
    return endings;
  }

  /** The format a file name means, if its ending is one of the recognised ones. */
  public static Optional<InputFormat> detect(String fileName) {
    return ENDINGS.entrySet().stream().filter(e -> fileName.endsWith(e.getKey()))
        .map(Map.Entry::getValue).findFirst();
  }

  /** The recognised endings, for messages. */
  public static String recognised() {
    return ENDINGS.entrySet().stream().map(e -> "*" + e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  /**
   * @param format the {@code --format} given, or null to detect it from the file names
   * @throws ConfigException naming --input (nothing to read, formats mixed or unknown)
   */
  public static BenchInput resolve(Configuration conf, List<String> inputs, InputFormat format) {
    Map<String, RawFile> files = new TreeMap<>();
    for (String input : inputs) {
      List<RawFile> found;
      try {
        found = isDirectory(conf, input) ? directory(conf, input, format != null)
            : RawInputs.expand(conf, List.of(input), OPTION);
      } catch (ConfigException e) {
        throw e.in("command line");
      }
      found.forEach(f -> files.putIfAbsent(f.uri(), f));
    }
    List<RawFile> sorted = List.copyOf(files.values());
    return new BenchInput(sorted, format != null ? format : detectAll(sorted));
  }

  private static boolean isDirectory(Configuration conf, String input) {
    if (input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
      return false;
    }
    try {
      Path path = new Path(input);
      return path.getFileSystem(conf).getFileStatus(path).isDirectory();
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read input '" + input + "'", e);
    }
  }

  private static List<RawFile> directory(Configuration conf, String dir, boolean anyName) {
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(conf);
      List<RawFile> files = new ArrayList<>();
      for (FileStatus status : fs.listStatus(path)) {
        String name = status.getPath().getName();
        boolean data = status.isFile() && !name.startsWith("_") && !name.startsWith(".")
            && !name.equals("manifest.json") && (anyName || detect(name).isPresent());
        if (data) {
          files.add(new RawFile(fs.makeQualified(status.getPath()).toString(), name,
              status.getLen(), status.getModificationTime()));
        }
      }
      if (files.isEmpty()) {
        throw new ConfigException("command line", OPTION, "'" + dir + "' has no data files "
            + "directly in it (subdirectories are not read); recognised: " + recognised()
            + ", or any file name with --format");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input directory '" + dir + "'", e);
    }
  }

  private static InputFormat detectAll(List<RawFile> files) {
    Map<InputFormat, List<String>> byFormat = new java.util.EnumMap<>(InputFormat.class);
    List<String> unknown = new ArrayList<>();
    for (RawFile file : files) {
      String name = new Path(file.uri()).getName();
      detect(name).ifPresentOrElse(
          f -> byFormat.computeIfAbsent(f, k -> new ArrayList<>()).add(name),
          () -> unknown.add(name));
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException("command line", OPTION, "cannot tell the format of "
          + names(unknown) + " from the name (recognised: " + recognised()
          + "); pass --format");
    }
    if (byFormat.size() > 1) {
      String mix = byFormat.entrySet().stream()
          .map(e -> e.getKey() + ": " + names(e.getValue()))
          .collect(Collectors.joining("; "));
      throw new ConfigException("command line", OPTION, "the files mix formats (" + mix
          + "); give files of one format, or pass --format to read them all as one");
    }
    return byFormat.keySet().iterator().next();
  }

  private static String names(List<String> names) {
    int shown = Math.min(names.size(), 5);
    String list = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
  }
}
