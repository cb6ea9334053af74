package dev.quarry.core.storage;

/**
 * The output exists with a different fingerprint (or is not a Quarry output) and
 * {@code --overwrite} was not given. Jobs exit with code 2: the user has to change an argument.
 */
public final class OutputConflictException extends RuntimeException {
  public OutputConflictException(String message) {
    super(message);
  }
}
