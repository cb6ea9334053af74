package dev.quarry.ingest.readers;

import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.IngestSettings;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads one raw shard into {@link dev.quarry.ingest.IngestRecord}s. Bad data never throws: it
 * becomes an error record with a reason and location. Only infrastructure failures (the file
 * cannot be opened at all) propagate, with the file named.
 */
public interface ShardReader extends Serializable {

  RecordIterator open(RawFile file, Configuration conf);

  static ShardReader forSettings(IngestSettings settings) {
    return switch (settings.format()) {
      case WARC, WET -> new WarcShardReader(settings);
      case JSONL -> new JsonlShardReader(settings);
      case TEXT -> new TextFileReader(settings);
      case PARQUET -> throw new IllegalArgumentException(
          "Parquet input is read by Spark's Parquet reader, not a ShardReader");
    };
  }
}
