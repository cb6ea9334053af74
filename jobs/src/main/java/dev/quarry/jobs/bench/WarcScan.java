package dev.quarry.jobs.bench;

import dev.quarry.core.spark.SerializableHadoopConf;
import dev.quarry.core.storage.RawFile;
import dev.quarry.ingest.readers.HadoopFiles;
import dev.quarry.ingest.readers.WarcResync;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.spark.api.java.function.Function;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/** Reads one WARC/WET file record by record, keeping only counts (the warc-scan baseline). */
final class WarcScan implements Function<RawFile, WarcScan.Counts> {
  private static final long serialVersionUID = 1L;
  private final SerializableHadoopConf conf;

  /** Records read, records that could not be read, bytes of the records' blocks. */
  record Counts(long records, long errors, long payloadBytes) implements Serializable {
    Counts plus(Counts other) {
      return new Counts(records + other.records, errors + other.errors,
          payloadBytes + other.payloadBytes);
    }
  }

  WarcScan(SerializableHadoopConf conf) {
    this.conf = conf;
  }

  @Override
  public Counts call(RawFile file) {
    if (file.size() == 0) {
      return new Counts(0, 1, 0);
    }
    long records = 0;
    long errors = 0;
    long payload = 0;
    try (HadoopFiles.SeekableChannel channel = new HadoopFiles.SeekableChannel(
            HadoopFiles.open(file.uri(), conf.get()), file.size());
        WarcReader reader = new WarcReader(channel)) {
      reader.setLenient(true);
      WarcRecord pending = null;
      while (true) {
        try {
          WarcRecord record = pending != null ? pending : reader.next().orElse(null);
          pending = null;
          if (record == null) {
            break;
          }
          payload += record.body().stream().transferTo(OutputStream.nullOutputStream());
          records++;
        } catch (IOException | RuntimeException e) {
          errors++;
          Optional<WarcRecord> next = WarcResync.next(reader, channel, reader.position() + 1);
          if (next.isEmpty()) {
            break;
          }
          pending = next.get();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("warc-scan: cannot read " + file.uri(), e);
    }
    return new Counts(records, errors, payload);
  }
}
