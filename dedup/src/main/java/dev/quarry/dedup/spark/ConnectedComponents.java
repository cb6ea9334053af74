package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.col;

import dev.quarry.core.config.Check;
import dev.quarry.core.spark.InternalRows;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;
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
 * <p>Lineage: every round adds joins to the lineage, so every {@link Settings#checkpointInterval}
 * rounds, and for the result, the edges are checkpointed: with a checkpoint directory, reliably
 * ({@code RDD.checkpoint()}: written to the directory's file system, so an executor lost later
 * costs nothing); without one, locally ({@code RDD.localCheckpoint()}: kept by the executors'
 * block managers, no write, but an executor lost before the result is used fails the job, as
 * nothing upstream is left to recompute from). Rounds in between are persisted and released as
 * soon as the next round is computed. The rounds run on RDDs ({@link StarSteps}); the result
 * is a DataFrame over the checkpointed labels.
 */
public final class ConnectedComponents {
  public static final String ID = "id";
  public static final String COMPONENT = "component";
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);
  private static final StructType COMPONENTS = new StructType()
      .add(ID, DataTypes.StringType, false)
      .add(COMPONENT, DataTypes.StringType, false);

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
    StarSteps.ByNode partitioner = new StarSteps.ByNode(
        spark.sessionState().conf().numShufflePartitions());
    JavaRDD<InternalRow> pairs = InternalRows.of(edges.select(
        col(CandidateEdges.SRC).cast(DataTypes.StringType),
        col(CandidateEdges.DST).cast(DataTypes.StringType))).toJavaRDD();
    try (JobDescription description = JobDescription.of(spark,
        "connected components: orient the edges")) {
      JavaPairRDD<UTF8String, UTF8String> current = StarSteps.oriented(pairs, partitioner)
          .persist(StorageLevel.MEMORY_AND_DISK());
      // Whether `current` is to be unpersisted once used: not when its blocks are a local
      // checkpoint, which Spark keeps until the RDD is garbage collected (unpersisting one
      // warns that its lineage is gone).
      boolean currentPersisted = true;
      try {
        int rounds = 0;
        long changed;
        do {
          rounds++;
          description.change("connected components: round " + rounds);
          JavaPairRDD<UTF8String, UTF8String> previous = current;
          boolean previousPersisted = currentPersisted;
          JavaPairRDD<UTF8String, UTF8String> next = StarSteps.smallStar(
              StarSteps.largeStar(previous, partitioner), partitioner)
              .persist(StorageLevel.MEMORY_AND_DISK());
          boolean cut = rounds % settings.checkpointInterval() == 0;
          if (cut) {
            cut(next.rdd(), settings);
          }
          current = next;
          currentPersisted = !(cut && settings.checkpointDir() == null);
          changed = StarSteps.changedEdges(previous, current, partitioner);
          LOG.info("connected components: round {} changed {} edges", rounds, changed);
          if (previousPersisted) {
            previous.unpersist(false);
          }
        } while (changed > 0);
        description.change("connected components: label the nodes");
        JavaRDD<InternalRow> labelled = StarSteps.components(pairs, current, partitioner)
            .persist(StorageLevel.MEMORY_AND_DISK());
        cut(labelled.rdd(), settings);
        labelled.count(); // computes and cuts it now, while the rounds are still cached
        LOG.info("connected components: converged after {} rounds", rounds);
        return new Result(InternalRows.toFrame(spark, labelled.rdd(), COMPONENTS), rounds);
      } finally {
        if (currentPersisted) {
          current.unpersist(false);
        }
      }
    }
  }

  /**
   * Marks {@code rows} (persisted) to be checkpointed by the next job that computes them, which
   * then forgets how they were computed: reliably in the checkpoint directory, else locally.
   */
  private static void cut(RDD<?> rows, Settings settings) {
    if (settings.checkpointDir() != null) {
      rows.checkpoint();
    } else {
      rows.localCheckpoint();
    }
  }
}
