package dev.quarry.core.config;

/**
 * A bad configuration value: names where it came from (a file, or the command line), the path
 * of the field ({@code ingest.sources[0].format}) and what is allowed. Jobs turn it into exit
 * code 2.
 */
public final class ConfigException extends RuntimeException {
  private final String origin;
  private final String field;
  private final String problem;

  public ConfigException(String field, String problem) {
    this(null, field, problem);
  }

  public ConfigException(String origin, String field, String problem) {
    super(format(origin, field, problem));
    this.origin = origin;
    this.field = field;
    this.problem = problem;
  }

  /** The same problem, attributed to a file or "command line". */
  public ConfigException in(String newOrigin) {
    return origin != null ? this : new ConfigException(newOrigin, field, problem);
  }

  /** The same problem, with the field path nested under {@code parent}. */
  public ConfigException under(String parent) {
    String nested = field == null || field.isEmpty() ? parent
        : field.startsWith("[") ? parent + field : parent + "." + field;
    return new ConfigException(origin, nested, problem);
  }

  public String origin() {
    return origin;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }

  private static String format(String origin, String field, String problem) {
    StringBuilder sb = new StringBuilder();
    if (origin != null) {
      sb.append(origin).append(": ");
    }
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(problem).toString();
  }
}
