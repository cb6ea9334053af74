package dev.quarry.jobs.cli;

/** Turns a config field path ({@code max_error_rate}, {@code input[0]}) into its option name. */
final class CliNames {
  private CliNames() {}

  /**
   * {@code work}'s result; a {@link ConfigException} it throws is reported against the command
   * line, under the option's name instead of the config field's.
   */
  static <T> T onCommandLine(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (dev.quarry.core.config.ConfigException e) {
      throw new dev.quarry.core.config.ConfigException("command line", option(e.field()),
          e.problem());
    }
  }

  static String option(String field) {
    if (field == null || field.isEmpty() || field.startsWith("--")) {
      return field;
    }
    String head = field.replaceAll("\\[\\d+\\].*$", "").replaceAll("\\..*$", "");
    return "--" + head.replace('_', '-');
  }
}
