package dev.quarry.jobs.cli;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.storage.OutputConflictException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Exit codes: 0 success or nothing to do, 2 bad arguments or config (the user must change
 * something), 1 any other failure (worth a retry or an investigation).
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int BAD_ARGUMENTS = 2;

  private ExitCodes() {}

  public static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    String command = cli.getCommandName();
    if (e instanceof ConfigException || e instanceof OutputConflictException) {
      err.println(command + ": " + e.getMessage());
      err.flush();
      return BAD_ARGUMENTS;
    }
    err.println(command + ": failed: " + describe(e));
    e.printStackTrace(err);
    err.flush();
    return FAILURE;
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      sb.append("\n  caused by: ").append(c.getClass().getSimpleName()).append(": ")
          .append(c.getMessage());
    }
    return sb.toString();
  }
}
