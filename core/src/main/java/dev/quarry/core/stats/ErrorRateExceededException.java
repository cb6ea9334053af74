package dev.quarry.core.stats;

/** Too many unreadable records: the stage fails without committing (exit code 1). */
public final class ErrorRateExceededException extends RuntimeException {
  public ErrorRateExceededException(String stage, Accounting accounting, double bound) {
    super(String.format(java.util.Locale.ROOT,
        "%s: %d of %d records (%.2f%%) could not be read, above the bound of %.2f%%; errors by "
            + "reason: %s. Nothing was committed. Fix the input, or raise max_error_rate "
            + "(--max-error-rate) if these losses are acceptable.",
        stage, accounting.errorsTotal(), accounting.recordsIn(), 100 * accounting.errorRate(),
        100 * bound, accounting.errors()));
  }
}
