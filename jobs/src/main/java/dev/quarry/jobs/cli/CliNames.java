package dev.quarry.jobs.cli;

/** Turns a config field path ({@code max_error_rate}, {@code input[0]}) into its option name. */
final class CliNames {
  private CliNames() {}

  static String option(String field) {
    if (field == null || field.isEmpty() || field.startsWith("--")) {
      return field;
    }
    String head = field.replaceAll("\\[\\d+\\].*$", "").replaceAll("\\..*$", "");
    return "--" + head.replace('_', '-');
  }
}
