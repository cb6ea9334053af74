package dev.quarry.core.spark;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.stats.ErrorRateExceededException;
import dev.quarry.core.storage.OutputConflictException;

/**
 * A stage that failed while writing its output (an input gone, a full disk, a lost executor):
 * the message names the stage and the output, says that nothing was committed, and leads with
 * the failure's own cause rather than Spark's "Job aborted due to stage failure" wrapper.
 * Exit code 1: worth a retry once the cause is fixed.
 */
public final class StageFailedException extends RuntimeException {
  private StageFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code e} with the stage's context; config errors, output conflicts and the error bound are
   * returned as they are (their type sets the exit code, and their message says what to do).
   */
  public static RuntimeException of(String job, String output, Exception e) {
    if (e instanceof RuntimeException known && (e instanceof ConfigException
        || e instanceof OutputConflictException || e instanceof ErrorRateExceededException
        || e instanceof StageFailedException)) {
      return known;
    }
    return new StageFailedException(job + ": nothing was committed: " + output + " is as it "
        + "was before this run (its temporary output was discarded). Cause: " + cause(e), e);
  }

  /**
   * The first exception of the chain that is not Spark's (Spark's messages hold the whole
   * remote stack trace), and the innermost one when it says more (e.g. the I/O error).
   */
  static String cause(Throwable e) {
    Throwable first = e;
    while (first.getCause() != null && first.getClass().getName().startsWith("org.apache.spark")) {
      first = first.getCause();
    }
    Throwable innermost = first;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String said = describe(first);
    return innermost == first ? said : said + " (" + describe(innermost) + ")";
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
