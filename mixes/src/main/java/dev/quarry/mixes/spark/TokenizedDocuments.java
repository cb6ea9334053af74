package dev.quarry.mixes.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;

import dev.quarry.core.MappedIterator;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.mixes.spec.MixSource;
import dev.quarry.mixes.tokenize.Tokenizer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every document a mix may take, tokenized once: the source's dataset, its filter applied,
 * documents with no text left out, each text encoded as [BOS] tokens EOS. The token ids are
 * kept as 4-byte little-endian values in a binary column, so that sampling and ordering read
 * only the small columns and the shard writers get the tokens without encoding again.
 */
final class TokenizedDocuments {
  static final String SOURCE = "source";
  static final String TOKENS = "tokens";
  static final String TOKEN_COUNT = "token_count";
  /** The document text's UTF-8 bytes (what tokenizer speeds and bytes per token are in). */
  static final String TEXT_BYTES = "text_bytes";
  /** Where the row is: its partition in the high 32 bits, its place in the partition below. */
  static final String POSITION = "position";
  static final StructType SCHEMA = new StructType()
      .add(SOURCE, DataTypes.IntegerType, false)
      .add(DocumentSchema.ID, DataTypes.StringType, false)
      .add(DocumentSchema.URL, DataTypes.StringType, true)
      .add(DocumentSchema.LOCATION, DataTypes.StringType, true)
      .add(TOKEN_COUNT, DataTypes.IntegerType, false)
      .add(TEXT_BYTES, DataTypes.IntegerType, false)
      .add(TOKENS, DataTypes.BinaryType, false)
      .add(POSITION, DataTypes.LongType, false);

  private TokenizedDocuments() {}

  /**
   * The tokenized documents of every source ({@code source} = its index in the spec). The
   * sources are united before encoding, so each row's {@code position} is its place in the
   * partitions of the result: persist it, and {@link PlacedTokens} finds rows by position.
   */
  static Dataset<Row> of(SparkSession spark, List<MixSource> sources, TokenizerRef tokenizer) {
    Dataset<Row> all = null;
    for (int i = 0; i < sources.size(); i++) {
      Dataset<Row> one = filtered(spark, sources.get(i), i)
          .select(lit(i).as(SOURCE), col(DocumentSchema.ID), col(DocumentSchema.TEXT),
              col(DocumentSchema.URL), col(DocumentSchema.LOCATION),
              octet_length(col(DocumentSchema.TEXT)).as(TEXT_BYTES));
      all = all == null ? one : all.union(one);
    }
    return all.mapPartitions(new Encode(tokenizer), ExpressionEncoder.apply(SCHEMA));
  }

  /** The partition a {@code position} is in. */
  static int partitionOf(long position) {
    return (int) (position >>> 32);
  }

  /** A source's documents with text, after its filter; a bad filter names the field. */
  static Dataset<Row> filtered(SparkSession spark, MixSource source, int index) {
    Dataset<Row> docs = Datasets.read(spark, source.input());
    if (source.filter() != null) {
      try {
        docs = docs.filter(source.filter());
        docs.schema(); // resolves the expression now, so that a bad one fails here
      } catch (Exception e) { // Scala throws AnalysisException without declaring it
        if (!(e instanceof AnalysisException)) {
          throw e;
        }
        throw new ConfigException("sources[" + index + "].filter", "is not a Spark SQL condition"
            + " over the dataset's columns (" + String.join(", ", docs.columns()) + "): "
            + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return docs.filter(hasText());
  }

  /** A document with something to tokenize (not length(text) > 0: that counts every character). */
  static Column hasText() {
    return col(DocumentSchema.TEXT).isNotNull().and(col(DocumentSchema.TEXT).notEqual(""));
  }

  /** The tokens of a row's binary column. */
  static int[] tokens(byte[] packed) {
    int[] tokens = new int[packed.length / 4];
    ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(tokens);
    return tokens;
  }

  /** Encodes rows (source, id, text, url, location, text_bytes). */
  private static final class Encode implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final TokenizerRef tokenizerRef;

    Encode(TokenizerRef tokenizerRef) {
      this.tokenizerRef = tokenizerRef;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Tokenizer tokenizer = tokenizerRef.get();
      Integer bos = tokenizerRef.bos();
      int eos = tokenizerRef.eos();
      long[] position = {(long) TaskContext.getPartitionId() << 32};
      return MappedIterator.of(rows, row -> {
        int[] ids = tokenizer.encode(row.getString(2));
        int count = ids.length + 1 + (bos == null ? 0 : 1);
        ByteBuffer packed = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        if (bos != null) {
          packed.putInt(bos);
        }
        for (int id : ids) {
          packed.putInt(id);
        }
        packed.putInt(eos);
        return RowFactory.create(row.getInt(0), row.getString(1), row.getString(3),
            row.getString(4), count, row.getInt(5), packed.array(), position[0]++);
      });
    }
  }
}
