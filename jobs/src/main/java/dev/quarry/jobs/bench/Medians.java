package dev.quarry.jobs.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Medians of repeated measurements. */
public final class Medians {
  private Medians() {}

  /** The middle value; for an even count, the mean of the two middle values. */
  public static double of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The median of the values that are known (rounded), or null when none is. */
  public static Long ofKnown(List<Long> values) {
    List<Double> known = values.stream().filter(Objects::nonNull).map(Long::doubleValue)
        .toList();
    return known.isEmpty() ? null : Math.round(of(known));
  }

  /** The value every run agrees on, or null when they differ or none is known. */
  public static <T> T agreed(List<T> values) {
    T first = values.isEmpty() ? null : values.get(0);
    return values.stream().allMatch(v -> Objects.equals(v, first)) ? first : null;
  }
}
