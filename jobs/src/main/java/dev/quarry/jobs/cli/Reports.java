package dev.quarry.jobs.cli;

import dev.quarry.core.spark.StageRunner;
import java.io.PrintWriter;

/** What a command prints when a stage finishes: where the output and manifest are. */
final class Reports {
  private Reports() {}

  static void print(PrintWriter out, String stage, StageRunner.Result result) {
    if (result.ran()) {
      out.println(stage + ": " + StageRunner.summary(result.accounting()));
      out.println(stage + ": output   " + result.output());
    } else {
      out.println(stage + ": " + result.output() + " is up to date (same inputs and options), "
          + "nothing to do");
    }
    out.println(stage + ": manifest " + result.manifest());
    out.flush();
  }
}
