package dev.quarry.mixes.spark;

import dev.quarry.core.storage.StreamOutputFile;
import dev.quarry.mixes.shards.ChecksumOutputStream;
import dev.quarry.mixes.shards.FileSum;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet index of one shard's documents, written by the task that writes the shard with
 * Parquet's own writer (not Spark's), so that the file's name and bytes depend on the shard's
 * documents only (checked across JVMs by {@code MixReproducibleIT}). One row per document: where its tokens are and where it came from.
 */
final class IndexWriter implements Closeable {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
      message mix_document {
        required int32 shard;
        required int64 offset;
        required int32 length;
        required binary id (STRING);
        required binary source (STRING);
        required binary dataset (STRING);
        required int32 epoch;
        optional binary url (STRING);
        optional binary location (STRING);
      }
      """);

  private final ChecksumOutputStream file;
  private final ParquetWriter<Group> writer;
  private final SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);

  /** Writes to {@code out} (closed with the writer), checksumming it on the way. */
  IndexWriter(OutputStream out, Configuration conf) throws IOException {
    this.file = new ChecksumOutputStream(out);
    this.writer = ExampleParquetWriter.builder(new StreamOutputFile(file))
        .withType(SCHEMA)
        .withConf(conf)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        // One encoding per column chunk: parquet-mr lists a chunk's encodings in the footer in
        // HashSet order, which changes from JVM to JVM, so a chunk with two (levels + values,
        // or dictionary + values) made the same index differ by a few footer bytes between
        // runs. Version-2 pages record only the value encoding, and without a dictionary
        // there is one.
        .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
        .withDictionaryEncoding(false)
        .build();
  }

  /**
   * Adds a document.
   *
   * @param offset its first token's position in the shard (tokens, not bytes)
   * @param length its tokens, BOS and EOS included
   */
  void add(int shard, long offset, int length, String id, String source, String dataset,
      int epoch, String url, String location) throws IOException {
    Group row = rows.newGroup()
        .append("shard", shard)
        .append("offset", offset)
        .append("length", length)
        .append("id", id)
        .append("source", source)
        .append("dataset", dataset)
        .append("epoch", epoch);
    if (url != null) {
      row.append("url", url);
    }
    if (location != null) {
      row.append("location", location);
    }
    writer.write(row);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  /** The file's size and SHA-256, once closed. */
  FileSum sum() {
    return file.sum();
  }
}
