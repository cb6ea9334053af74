package dev.quarry.ingest.spark;

import dev.quarry.core.spark.SerializableHadoopConf;
import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.readers.RecordIterator;
import dev.quarry.ingest.readers.ShardReader;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/** Reads the shards of a partition lazily, one record at a time, into tagged rows. */
final class ReadShards implements FlatMapFunction<Iterator<RawFile>, Row> {
  private static final long serialVersionUID = 1L;
  private final ShardReader reader;
  private final SerializableHadoopConf conf;

  ReadShards(ShardReader reader, SerializableHadoopConf conf) {
    this.reader = reader;
    this.conf = conf;
  }

  @Override
  public Iterator<Row> call(Iterator<RawFile> files) {
    return new Iterator<>() {
      private RecordIterator current;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (!files.hasNext()) {
            return false;
          }
          current = reader.open(files.next(), conf.get());
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return TaggedRows.toRow(current.next());
      }
    };
  }
}
