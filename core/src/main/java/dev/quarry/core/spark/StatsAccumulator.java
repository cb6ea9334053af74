package dev.quarry.core.spark;

import dev.quarry.core.stats.Stats;
import org.apache.spark.util.AccumulatorV2;

/**
 * {@link Stats} gathered from tasks as a Spark accumulator. Spark may count a task twice when it
 * recomputes it, so only figures that tolerate that (timings) come from here; exact counts are
 * computed from the data.
 */
public final class StatsAccumulator extends AccumulatorV2<Stats, Stats> {
  private static final long serialVersionUID = 1L;
  private Stats stats = new Stats();

  @Override
  public boolean isZero() {
    return stats.counters().isEmpty();
  }

  @Override
  public AccumulatorV2<Stats, Stats> copy() {
    StatsAccumulator copy = new StatsAccumulator();
    copy.stats = new Stats().merge(stats);
    return copy;
  }

  @Override
  public void reset() {
    stats = new Stats();
  }

  @Override
  public void add(Stats more) {
    stats.merge(more);
  }

  @Override
  public void merge(AccumulatorV2<Stats, Stats> other) {
    stats.merge(other.value());
  }

  @Override
  public Stats value() {
    return stats;
  }
}
