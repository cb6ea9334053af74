package dev.quarry.dedup.spark;

import dev.quarry.core.config.Check;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed connected components of a candidate graph: large-star and small-star rounds
 * ({@link StarSteps}) until a round changes no edge, when every component is a star around its
 * smallest id. Single-machine union-find does not scale to a crawl's candidate graph; these rounds
 * are joins and aggregates, and nothing but counts comes back to the driver.
 *
 * <p>Input: edges with columns {@value CandidateEdges#SRC} and {@value CandidateEdges#DST}, in
 * either direction, duplicates and self-loops allowed. Ids are compared as strings — cast to
 * Spark strings, whose order is that of their UTF-8 bytes (so {@code "10" < "9"}, and for ids
 * without characters beyond U+FFFF, such as Quarry's hex ids, the order of
 * {@link String#compareTo}). Output: ({@value #ID}, {@value #COMPONENT}) for every node that
 * appears in an edge, the component being the smallest id in it; the same for any partitioning
 * of the input, since the result is a function of the edge set alone.
 *
 * <p>Lineage: every round adds joins to the plan, so every {@link Settings#checkpointInterval}
 * rounds, and for the result, the edges are checkpointed: with a checkpoint directory, reliably
 * ({@link Dataset#checkpoint()}: written to the directory's file system, so an executor lost later
 * costs nothing); without one, locally ({@link Dataset#localCheckpoint()}: kept by the executors'
 * block managers, no write, but an executor lost before the result is used fails the job, as
 * nothing upstream is left to recompute from). Rounds in between are persisted and released as
 * soon as the next round is computed.
 */
public final class ConnectedComponents {
  public static final String ID = "id";
  public static final String COMPONENT = "component";
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  private ConnectedComponents() {}

  /**
   * How often the rounds cut their lineage, and where.
   *
   * @param checkpointInterval checkpoint the edges every this many rounds (at least 1)
   * @param checkpointDir a directory on a Hadoop file system for reliable checkpoints, or null for
   *     local ones. It becomes the SparkContext's checkpoint directory and stays so after the run:
   *     Spark can neither unset one nor set one back (each setting makes a new subdirectory), and
   *     the result reads from it. Spark leaves the files there unless
   *     {@code spark.cleaner.referenceTracking.cleanCheckpoints} is on; delete the directory once
   *     the components are used.
   */
  public record Settings(int checkpointInterval, String checkpointDir) {
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 2;

    public Settings {
      Check.that(checkpointInterval >= 1, "checkpoint_interval",
          "must be at least 1 round (got " + checkpointInterval + ")");
      if (checkpointDir != null) {
        Check.notBlank(checkpointDir, "checkpoint_dir");
      }
    }

    /** Local checkpoints every {@value #DEFAULT_CHECKPOINT_INTERVAL} rounds. */
    public static Settings defaults() {
      return new Settings(DEFAULT_CHECKPOINT_INTERVAL, null);
    }
  }

  /**
   * The components, already checkpointed (reading them again does not rerun the rounds), and the
   * number of rounds it took, the last being the one that changed nothing.
   */
  public record Result(Dataset<Row> components, int rounds) {}

  public static Result run(Dataset<Row> edges) {
    return run(edges, Settings.defaults());
  }

  public static Result run(Dataset<Row> edges, Settings settings) {
    SparkSession spark = edges.sparkSession();
    if (settings.checkpointDir() != null) {
      spark.sparkContext().setCheckpointDir(settings.checkpointDir());
    }
    try (JobDescription description = JobDescription.of(spark,
        "connected components: orient the edges")) {
      Dataset<Row> current = StarSteps.oriented(edges).persist(StorageLevel.MEMORY_AND_DISK());
      boolean currentPersisted = true;
      try {
        int rounds = 0;
        long changed;
        do {
          rounds++;
          description.change("connected components: round " + rounds);
          Dataset<Row> previous = current;
          boolean previousPersisted = currentPersisted;
          Dataset<Row> next = StarSteps.smallStar(StarSteps.largeStar(previous));
          boolean cached = rounds % settings.checkpointInterval() != 0;
          current = cached ? next.persist(StorageLevel.MEMORY_AND_DISK()) : cut(next, settings);
          currentPersisted = cached;
          changed = StarSteps.changedEdges(previous, current);
          LOG.info("connected components: round {} changed {} edges", rounds, changed);
          if (previousPersisted) {
            previous.unpersist();
          }
        } while (changed > 0);
        description.change("connected components: label the nodes");
        Dataset<Row> components = cut(StarSteps.components(edges, current), settings);
        LOG.info("connected components: converged after {} rounds", rounds);
        return new Result(components, rounds);
      } finally {
        if (currentPersisted) {
          current.unpersist();
        }
      }
    }
  }

  /** Materialises {@code rows} and forgets how they were computed. */
  private static Dataset<Row> cut(Dataset<Row> rows, Settings settings) {
    return settings.checkpointDir() != null ? rows.checkpoint(true) : rows.localCheckpoint(true);
  }
}
