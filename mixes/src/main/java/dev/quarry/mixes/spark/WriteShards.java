package dev.quarry.mixes.spark;

import dev.quarry.core.spark.SerializableHadoopConf;
import dev.quarry.mixes.registry.VersionFiles;
import dev.quarry.mixes.shards.FileSum;
import dev.quarry.mixes.shards.MegatronShardWriter;
import dev.quarry.mixes.shards.OlmoShardWriter;
import dev.quarry.mixes.spec.MixSpec;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Writes the shards of one partition: its documents arrive sorted by mix offset, grouped by
 * shard, each with its tokens; every shard gets its files in each requested format and its
 * index, written as the documents stream by (memory: one document plus the writers' buffers
 * and the Megatron sequence lengths). Returns one summary per shard. A retried task writes
 * the same bytes again over the same names.
 */
final class WriteShards
    implements FlatMapFunction<Iterator<Tuple2<Long, Row>>, WriteShards.Summary> {
  private static final long serialVersionUID = 1L;

  /** One written file: its path relative to the version, bytes and SHA-256. */
  record FileSummary(String path, long bytes, String sha256) implements Serializable {
    static FileSummary of(String path, FileSum sum) {
      return new FileSummary(path, sum.bytes(), sum.sha256());
    }
  }

  /** One shard as written. */
  record Summary(int shard, long documents, long tokens, List<FileSummary> files)
      implements Serializable {}

  /** Row columns: source, id, epoch, token_count, url, location, tokens. */
  static final int SOURCE = 0;
  static final int ID = 1;
  static final int EPOCH = 2;
  static final int TOKEN_COUNT = 3;
  static final int URL = 4;
  static final int LOCATION = 5;
  static final int TOKENS = 6;

  private final String directory;
  private final SerializableHadoopConf hadoopConf;
  private final List<MixSpec.Format> formats;
  private final long[] shardStarts;
  private final String[] sourceNames;
  private final String[] datasets;
  private final int vocabSize;

  WriteShards(String directory, SerializableHadoopConf hadoopConf, List<MixSpec.Format> formats,
      long[] shardStarts, String[] sourceNames, String[] datasets, int vocabSize) {
    this.directory = directory;
    this.hadoopConf = hadoopConf;
    this.formats = List.copyOf(formats);
    this.shardStarts = shardStarts;
    this.sourceNames = sourceNames;
    this.datasets = datasets;
    this.vocabSize = vocabSize;
  }

  @Override
  public Iterator<Summary> call(Iterator<Tuple2<Long, Row>> documents) throws IOException {
    List<Summary> summaries = new ArrayList<>();
    Shard shard = null;
    while (documents.hasNext()) {
      Tuple2<Long, Row> next = documents.next();
      int index = ShardAssignment.Result.shardOf(shardStarts, next._1());
      if (shard == null || shard.index != index) {
        if (shard != null) {
          summaries.add(shard.finish());
        }
        shard = new Shard(index);
      }
      shard.add(next._1() - shardStarts[index], next._2());
    }
    if (shard != null) {
      summaries.add(shard.finish());
    }
    return summaries.iterator();
  }

  /** The open writers of one shard. */
  private final class Shard {
    private final int index;
    private final Configuration conf = hadoopConf.get();
    private final FileSystem fs;
    private final MegatronShardWriter megatron;
    private final OlmoShardWriter olmo;
    private final IndexWriter indexWriter;
    private long tokens;
    private long documents;

    Shard(int index) throws IOException {
      this.index = index;
      Path root = new Path(directory);
      this.fs = root.getFileSystem(conf);
      String megatronPrefix = VersionFiles.megatronPrefix(index);
      String olmoPrefix = VersionFiles.olmoPrefix(index);
      this.megatron = formats.contains(MixSpec.Format.MEGATRON)
          ? new MegatronShardWriter(create(megatronPrefix + ".bin"),
              create(megatronPrefix + ".idx"), MixSpec.Format.MEGATRON.dtype(vocabSize))
          : null;
      this.olmo = formats.contains(MixSpec.Format.OLMO)
          ? new OlmoShardWriter(create(olmoPrefix + ".npy"), create(olmoPrefix + ".csv.gz"),
              MixSpec.Format.OLMO.dtype(vocabSize))
          : null;
      this.indexWriter = new IndexWriter(create(VersionFiles.index(index)), conf);
    }

    private java.io.OutputStream create(String relative) throws IOException {
      return fs.create(new Path(new Path(directory), relative), true);
    }

    void add(long offsetInShard, Row row) throws IOException {
      if (offsetInShard != tokens) {
        throw new IllegalStateException("shard " + index + ": document " + row.getString(ID)
            + " placed at token " + offsetInShard + " but the shard holds " + tokens
            + " tokens before it: the documents did not arrive in mix order");
      }
      int[] ids = TokenizedDocuments.tokens((byte[]) row.get(TOKENS));
      int source = row.getInt(SOURCE);
      if (megatron != null) {
        megatron.add(ids, ids.length);
      }
      if (olmo != null) {
        olmo.add(ids, ids.length, row.getString(ID), datasets[source], row.getString(LOCATION));
      }
      indexWriter.add(index, offsetInShard, ids.length, row.getString(ID), sourceNames[source],
          datasets[source], row.getInt(EPOCH), row.getString(URL), row.getString(LOCATION));
      tokens += ids.length;
      documents++;
    }

    Summary finish() throws IOException {
      List<FileSummary> files = new ArrayList<>();
      if (megatron != null) {
        MegatronShardWriter.Result result = megatron.finish();
        String prefix = VersionFiles.megatronPrefix(index);
        files.add(FileSummary.of(prefix + ".bin", result.bin()));
        files.add(FileSummary.of(prefix + ".idx", result.idx()));
      }
      if (olmo != null) {
        OlmoShardWriter.Result result = olmo.finish();
        String prefix = VersionFiles.olmoPrefix(index);
        files.add(FileSummary.of(prefix + ".npy", result.npy()));
        files.add(FileSummary.of(prefix + ".csv.gz", result.csv()));
      }
      indexWriter.close();
      files.add(FileSummary.of(VersionFiles.index(index), indexWriter.sum()));
      return new Summary(index, documents, tokens, files);
    }
  }
}
