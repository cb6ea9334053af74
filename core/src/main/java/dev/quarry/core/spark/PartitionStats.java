package dev.quarry.core.spark;

import dev.quarry.core.stats.Stats;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exact counts over a dataset: one {@link Stats} per partition, filled row by row by
 * {@link #count}, merged on the driver. A stage's tagged rows are counted this way before they
 * are written, so the manifest's accounting is the data's.
 */
public abstract class PartitionStats implements FlatMapFunction<Iterator<Row>, Stats> {
  private static final long serialVersionUID = 1L;

  @Override
  public final Iterator<Stats> call(Iterator<Row> rows) {
    Stats stats = new Stats();
    while (rows.hasNext()) {
      count(stats, rows.next());
    }
    return List.of(stats).iterator();
  }

  /** Adds one row to the partition's stats. */
  protected abstract void count(Stats stats, Row row);

  /** The merged stats of every partition of {@code rows}. */
  public static Stats over(Dataset<Row> rows, PartitionStats counter) {
    return rows.javaRDD().mapPartitions(counter).fold(new Stats(), Stats::merge);
  }
}
