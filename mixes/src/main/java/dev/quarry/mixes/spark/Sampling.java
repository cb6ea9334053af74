package dev.quarry.mixes.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.mixes.sample.EpochPlan;
import dev.quarry.mixes.sample.MixKeys;
import dev.quarry.mixes.sample.PartialEpoch;
import dev.quarry.mixes.spec.MixSource;
import dev.quarry.mixes.spec.MixSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Which copies of which documents a mix takes: per source, whole epochs and a seeded partial
 * one ({@link EpochPlan}, {@link PartialEpoch}), each copy with the key that places it in the
 * mix ({@link MixKeys#order}). Only small columns are read; the driver collects per-source
 * counts and at most one histogram of 2<sup>16</sup> buckets and one bucket's keys per source.
 */
final class Sampling {
  static final String EPOCH = "epoch";
  /** {@link MixKeys#order} with the sign bit flipped, so that a signed sort is unsigned order. */
  static final String ORDER = "order_key";
  static final StructType COPIES = new StructType()
      .add(TokenizedDocuments.SOURCE, DataTypes.IntegerType, false)
      .add(DocumentSchema.ID, DataTypes.StringType, false)
      .add(EPOCH, DataTypes.IntegerType, false)
      .add(TokenizedDocuments.TOKEN_COUNT, DataTypes.IntegerType, false)
      .add(ORDER, DataTypes.LongType, false)
      .add(TokenizedDocuments.POSITION, DataTypes.LongType, false);

  private Sampling() {}

  /** Documents, tokens and UTF-8 bytes of text available in one source. */
  record Available(long documents, long tokens, long textBytes) implements Serializable {}

  /** What is taken from every source. */
  record Plan(long seed, String[] names, EpochPlan[] epochs, long[] cutoffs)
      implements Serializable {}

  static Available[] available(Dataset<Row> tokenized, int sources) {
    Available[] available = new Available[sources];
    for (int i = 0; i < sources; i++) {
      available[i] = new Available(0, 0, 0);
    }
    for (Row row : tokenized.groupBy(col(TokenizedDocuments.SOURCE))
        .agg(count(col(DocumentSchema.ID)), sum(col(TokenizedDocuments.TOKEN_COUNT)),
            sum(col(TokenizedDocuments.TEXT_BYTES)))
        .collectAsList()) {
      available[row.getInt(0)] = new Available(row.getLong(1), row.getLong(2), row.getLong(3));
    }
    return available;
  }

  static Plan plan(Dataset<Row> tokenized, MixSpec spec, Available[] available) {
    List<MixSource> sources = spec.sources();
    long[] targets = spec.targets();
    String[] names = sources.stream().map(MixSource::name).toArray(String[]::new);
    EpochPlan[] epochs = new EpochPlan[sources.size()];
    long[] cutoffs = new long[sources.size()];
    for (int i = 0; i < epochs.length; i++) {
      epochs[i] = EpochPlan.of(i, names[i], targets[i], available[i].tokens(),
          sources.get(i).maxEpochs());
      if (epochs[i].remainder() > 0) {
        cutoffs[i] = cutoff(tokenized, spec.seed(), i, names[i], epochs[i]);
      }
    }
    return new Plan(spec.seed(), names, epochs, cutoffs);
  }

  /** The largest sample key the partial epoch of source {@code index} takes. */
  private static long cutoff(Dataset<Row> tokenized, long seed, int index, String name,
      EpochPlan plan) {
    tokenized.sparkSession().sparkContext().setJobDescription(
        "mix: sample the partial epoch of source " + name);
    int epoch = plan.partialEpoch();
    var keyed = tokenized.select(col(TokenizedDocuments.SOURCE), col(DocumentSchema.ID),
            col(TokenizedDocuments.TOKEN_COUNT)).filter(col(TokenizedDocuments.SOURCE)
            .equalTo(index)).javaRDD()
        .mapToPair(row -> new Tuple2<>(MixKeys.sample(seed, name, epoch, row.getString(1)),
            (long) row.getInt(2)));
    Map<Integer, Long> histogram = keyed.mapToPair(kv -> new Tuple2<>(
        PartialEpoch.bucketOf(kv._1()), kv._2())).reduceByKey(Long::sum).collectAsMap();
    long[] buckets = new long[1 << PartialEpoch.BUCKET_BITS];
    histogram.forEach((bucket, tokens) -> buckets[bucket] = tokens);
    PartialEpoch.Crossing crossing = PartialEpoch.crossing(buckets, plan.remainder());
    int bucket = crossing.bucket();
    List<Tuple2<Long, Long>> inBucket = keyed
        .filter(kv -> PartialEpoch.bucketOf(kv._1()) == bucket).collect();
    long[] keys = inBucket.stream().mapToLong(Tuple2::_1).toArray();
    long[] tokens = inBucket.stream().mapToLong(Tuple2::_2).toArray();
    return PartialEpoch.cutoff(keys, tokens, plan.remainder() - crossing.tokensBefore());
  }

  /** Every copy the plan takes: (source, id, epoch, token_count, order_key, position). */
  static Dataset<Row> copies(Dataset<Row> tokenized, Plan plan) {
    return tokenized.select(col(TokenizedDocuments.SOURCE), col(DocumentSchema.ID),
            col(TokenizedDocuments.TOKEN_COUNT), col(TokenizedDocuments.POSITION))
        .flatMap(new Copies(plan), ExpressionEncoder.apply(COPIES));
  }

  private static final class Copies implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Plan plan;

    Copies(Plan plan) {
      this.plan = plan;
    }

    @Override
    public Iterator<Row> call(Row row) {
      int source = row.getInt(0);
      String id = row.getString(1);
      EpochPlan epochs = plan.epochs()[source];
      String name = plan.names()[source];
      List<Row> copies = new ArrayList<>(epochs.fullEpochs() + 1);
      for (int epoch = 0; epoch <= epochs.fullEpochs(); epoch++) {
        long sampleKey = epoch == epochs.partialEpoch() && epochs.remainder() > 0
            ? MixKeys.sample(plan.seed(), name, epoch, id) : 0;
        if (PartialEpoch.taken(epochs, epoch, sampleKey, plan.cutoffs()[source])) {
          long order = MixKeys.order(plan.seed(), name, epoch, id) ^ Long.MIN_VALUE;
          copies.add(RowFactory.create(source, id, epoch, row.getInt(2), order, row.getLong(3)));
        }
      }
      return copies.iterator();
    }
  }
}
