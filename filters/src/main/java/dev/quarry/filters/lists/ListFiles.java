package dev.quarry.filters.lists;

import dev.quarry.core.config.ConfigException;
import dev.quarry.filters.StepFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads list files (one entry a line, {@code #} starts a comment, blank lines ignored) and keeps
 * what a step built from them in a JVM-wide cache, so an executor reads each set of lists once
 * however many partitions build the step.
 *
 * <p>A path starting with {@code classpath:} is a resource of the job's jar (the example lists
 * under {@code lists/}); any other path is read with the Hadoop FileSystem API
 * ({@link StepFiles}).
 */
final class ListFiles {
  static final String CLASSPATH = StepFiles.CLASSPATH;

  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

  private ListFiles() {}

  /**
   * What {@code build} makes of the entries of {@code paths} (parameter {@code param}), built
   * once per JVM for the same kind of structure and the same paths.
   */
  @SuppressWarnings("unchecked")
  static <T> T cached(String kind, String param, List<String> paths,
      Function<List<String>, T> build) {
    String key = kind + '\u0000' + String.join("\u0000", paths);
    return (T) CACHE.computeIfAbsent(key, k -> build.apply(entries(param, paths)));
  }

  /** The entries of every file, in order: trimmed, lower-cased, comments and blanks left out. */
  static List<String> entries(String param, List<String> paths) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String field = param + "[" + i + "]";
      String path = paths.get(i);
      try (InputStream in = open(path, field);
          BufferedReader reader = new BufferedReader(
              new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          int comment = line.indexOf('#');
          String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
          if (!entry.isEmpty()) {
            entries.add(entry.toLowerCase(Locale.ROOT));
          }
        }
      } catch (IOException e) {
        throw new ConfigException(field, "cannot read list file '" + path + "': "
            + e.getMessage());
      }
    }
    return entries;
  }

  private static InputStream open(String path, String field) throws IOException {
    return StepFiles.open(path, field, "list file");
  }

  /** Whether a code point belongs in a word: a letter, a digit or a combining mark. */
  static boolean wordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** The runs of word characters of {@code text}, lower-cased. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (wordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        tokens.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      tokens.add(text.substring(start).toLowerCase(Locale.ROOT));
    }
    return tokens;
  }

  /** Checks the paths of a list parameter: each given and not blank. */
  static List<String> checkPaths(List<String> paths, String param) {
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      if (path == null || path.isBlank()) {
        throw new ConfigException(param + "[" + i + "]", "must be a path, not empty");
      }
    }
    return List.copyOf(paths);
  }
}
