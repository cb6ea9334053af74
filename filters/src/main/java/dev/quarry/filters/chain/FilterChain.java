package dev.quarry.filters.chain;

import dev.quarry.core.Document;
import dev.quarry.core.stats.Accounting;
import dev.quarry.core.stats.Stats;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.TextScrubber;
import dev.quarry.filters.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one loop over a chain of steps, and the one place that counts and times them. In filter
 * mode a document stops at the first step that drops it; in annotate mode every step runs on
 * every document, each verdict is recorded in the tag {@code verdict.<step>} ({@code keep}, the
 * drop reason, or {@code error}) and nothing is dropped.
 *
 * <p>A step that throws (a bug: steps must not) makes the document an error counted as
 * {@code <step>_failed}, never a failed task. Counters, in {@link #stats()}: {@code docs_in},
 * {@code kept}, {@code dropped.<reason>}, {@code errors.<step>_failed}, and per step
 * {@code step.<name>.in}, {@code step.<name>.dropped.<reason>}, {@code step.<name>.nanos}.
 *
 * <p>A document that leaves the chain early (dropped, or failed) still passes every later
 * {@link TextScrubber}, so what is written to {@code _rejected/} is scrubbed too.
 */
public final class FilterChain {
  public static final String VERDICT_TAG = "verdict.";

  /** What became of one document. */
  public record Outcome(Document document, String droppedBy, String dropReason, String error) {
    public boolean kept() {
      return dropReason == null && error == null;
    }
  }

  /** A step with its counter and tag names, built once rather than per document. */
  private record Counted(DocumentStep step, String in, String nanos, String droppedPrefix,
      String error, String verdictTag) {
    Counted(DocumentStep step) {
      this(step, "step." + step.name() + ".in", "step." + step.name() + ".nanos",
          "step." + step.name() + ".dropped.", step.name() + "_failed",
          VERDICT_TAG + step.name());
    }
  }

  private final List<Counted> steps;
  private final ChainConfig.Mode mode;
  private final Stats stats = new Stats();

  public FilterChain(List<DocumentStep> steps, ChainConfig.Mode mode) {
    this.steps = steps.stream().map(Counted::new).toList();
    this.mode = mode;
  }

  public Outcome apply(Document document) {
    stats.increment("docs_in");
    Document current = document;
    Map<String, String> verdicts = mode == ChainConfig.Mode.ANNOTATE ? new HashMap<>() : null;
    for (Counted counted : steps) {
      DocumentStep step = counted.step();
      stats.increment(counted.in());
      long started = System.nanoTime();
      Verdict verdict;
      try {
        verdict = step.apply(current);
      } catch (RuntimeException | StackOverflowError e) {
        stats.add(counted.nanos(), System.nanoTime() - started);
        stats.increment("errors." + counted.error());
        if (verdicts == null) {
          return new Outcome(scrubbedAfter(counted, current), step.name(), null,
              counted.error());
        }
        verdicts.put(counted.verdictTag(), "error");
        continue;
      }
      stats.add(counted.nanos(), System.nanoTime() - started);
      current = verdict.document();
      if (!verdict.kept()) {
        stats.increment(counted.droppedPrefix() + verdict.dropReason());
        if (verdicts == null) {
          stats.increment("dropped." + verdict.dropReason());
          return new Outcome(scrubbedAfter(counted, current), step.name(),
              verdict.dropReason(), null);
        }
      }
      if (verdicts != null) {
        verdicts.put(counted.verdictTag(), verdict.kept() ? "keep" : verdict.dropReason());
      }
    }
    stats.increment("kept");
    return new Outcome(verdicts == null ? current : current.withTags(verdicts), null, null, null);
  }

  /**
   * A document that leaves the chain at {@code stop} (dropped or failed) with the text scrubbed
   * by every {@link TextScrubber} after that step, so that {@code _rejected/} never holds what a
   * scrubber would have removed. Their time counts as theirs.
   */
  private Document scrubbedAfter(Counted stop, Document document) {
    Document current = document;
    for (int i = steps.indexOf(stop) + 1; i < steps.size(); i++) {
      Counted counted = steps.get(i);
      if (counted.step() instanceof TextScrubber scrubber) {
        long started = System.nanoTime();
        try {
          current = scrubber.scrub(current);
        } catch (RuntimeException | StackOverflowError e) {
          // A scrubber that fails leaves no text to leak: the document keeps none.
          current = current.withText("");
          stats.increment("errors_on_dropped." + counted.error());
        }
        stats.add(counted.nanos(), System.nanoTime() - started);
      }
    }
    return current;
  }

  /** Counts and times so far; mergeable across executors. */
  public Stats stats() {
    return stats;
  }

  /** records_in = kept + dropped (by reason) + errors (by step), from merged chain stats. */
  public static Accounting accounting(Stats stats) {
    return new Accounting(stats.counter("docs_in"), stats.counter("kept"),
        stats.countersWithPrefix("dropped."), stats.countersWithPrefix("errors."));
  }
}
