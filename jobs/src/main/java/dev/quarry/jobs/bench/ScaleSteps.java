package dev.quarry.jobs.bench;

import dev.quarry.core.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The steps of a scaling run ({@code --scale 1,2,4,8}): the input's sorted files are the largest
 * step, and step k reads the first ceil(files × k / max) of them.
 */
public final class ScaleSteps {
  private static final String OPTION = "--scale";

  /** One step: its scale factor (null for a plain run over all files) and how many files. */
  public record Step(Integer scale, int files) {}

  private ScaleSteps() {}

  /** Parses a comma-separated list of positive whole numbers; returns them sorted, distinct. */
  public static List<Integer> parse(String spec) {
    TreeSet<Integer> scales = new TreeSet<>();
    for (String part : spec.split(",", -1)) {
      int scale;
      try {
        scale = Integer.parseInt(part.strip());
      } catch (NumberFormatException e) {
        scale = 0;
      }
      if (scale < 1) {
        throw new ConfigException("command line", OPTION, "'" + part.strip() + "' is not a "
            + "positive whole number; give scale factors such as 1,2,4,8");
      }
      scales.add(scale);
    }
    return List.copyOf(scales);
  }

  /** How many of {@code files} files the step at {@code scale} reads: ceil(files × scale / max). */
  public static int filesFor(int files, int scale, int maxScale) {
    return (int) (((long) files * scale + maxScale - 1) / maxScale);
  }

  /**
   * The steps over {@code files} input files: one step of all files when {@code scales} is
   * empty.
   *
   * @throws ConfigException when there are fewer files than the largest scale factor, so that
   *     steps would read the same files
   */
  public static List<Step> plan(List<Integer> scales, int files) {
    if (scales.isEmpty()) {
      return List.of(new Step(null, files));
    }
    int max = scales.get(scales.size() - 1);
    if (files < max) {
      throw new ConfigException("command line", OPTION, "scale " + max + " needs at least "
          + max + " input files (the largest step reads all of them, step k the first "
          + "files × k / " + max + ") but --input has " + files + "; split the input into more,"
          + " smaller files, e.g. quarry gen-corpus --shard-size <size / " + max + ">");
    }
    List<Step> steps = new ArrayList<>();
    for (int scale : scales) {
      steps.add(new Step(scale, filesFor(files, scale, max)));
    }
    return steps;
  }
}
