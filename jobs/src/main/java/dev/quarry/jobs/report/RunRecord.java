package dev.quarry.jobs.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quarry.core.config.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code run.json}: what one {@code quarry run} did — the pipeline, when, how it ended, and each
 * stage output it ran or found up to date. Kept with the run's report under
 * {@code <work_dir>/runs/<id>/} so that {@code quarry report} can draw the report again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(String id, String pipeline, String name, String workDir,
    Instant startedAt, Instant finishedAt, String status, String error, List<Output> outputs) {
  public static final String FILE = "run.json";
  public static final String RUNS = "runs";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** One stage output of the run; outcome is {@code ran} or {@code up_to_date}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Output(String stage, String uri, String outcome) {}

  /** A new run id: its start time (UTC, to the second) and a random suffix, sortable by time. */
  public static String newId(Instant startedAt) {
    return ID_TIME.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** {@code <work_dir>/runs/<id>}. */
  public static String directory(String workDir, String id) {
    return new Path(new Path(workDir, RUNS), id).toString();
  }

  public void write(String directory, Configuration conf) {
    Path file = new Path(directory, FILE);
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      out.write(Json.pretty(this).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The run record in {@code directory}, or empty when there is none. */
  public static java.util.Optional<RunRecord> read(String directory, Configuration conf) {
    Path file = new Path(directory, FILE);
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        return java.util.Optional.empty();
      }
      try (InputStream in = fs.open(file)) {
        return java.util.Optional.of(Json.mapper().readValue(in, RunRecord.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
