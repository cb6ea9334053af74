package dev.quarry.core.config;

import java.util.Collection;
import java.util.List;

/** Validation helpers: each failure names the field and says what is allowed. */
public final class Check {
  private Check() {}

  public static void that(boolean ok, String field, String problem) {
    if (!ok) {
      throw new ConfigException(field, problem);
    }
  }

  public static String notBlank(String value, String field) {
    that(value != null && !value.isBlank(), field, "is required and must not be empty");
    return value;
  }

  public static <T extends Collection<?>> T notEmpty(T values, String field) {
    that(values != null && !values.isEmpty(), field, "is required: give at least one value");
    return values;
  }

  public static double between(double value, double min, double max, String field) {
    that(value >= min && value <= max, field,
        "must be between " + min + " and " + max + " (got " + value + ")");
    return value;
  }

  public static long positive(long value, String field) {
    that(value > 0, field, "must be a positive number (got " + value + ")");
    return value;
  }

  public static String identifier(String value, String field) {
    notBlank(value, field);
    that(value.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), field,
        "must be letters, digits, '.', '_' or '-' (got '" + value + "')");
    return value;
  }

  /** Validates each element, nesting the field path as {@code field[i]}. */
  public static <T> void each(List<T> values, String field, java.util.function.Consumer<T> check) {
    for (int i = 0; i < values.size(); i++) {
      try {
        check.accept(values.get(i));
      } catch (ConfigException e) {
        throw e.under(field + "[" + i + "]");
      }
    }
  }
}
