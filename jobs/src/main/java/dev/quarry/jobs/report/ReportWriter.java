package dev.quarry.jobs.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.config.Json;
import dev.quarry.core.storage.OutputDir;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Makes a report from committed outputs and writes report.json and report.html. */
public final class ReportWriter {
  public static final String JSON = "report.json";
  public static final String HTML = "report.html";
  /** Rejected documents shown per stage and reason unless asked otherwise. */
  public static final int DEFAULT_SAMPLES = 3;

  /** What was written: the directory, the two files, and the report itself. */
  public record Written(String directory, String json, String html, ObjectNode report) {}

  private ReportWriter() {}

  /** The outputs of a run record, each with its manifest; those no longer committed left out. */
  public static List<StageManifest> stagesOf(RunRecord run, Configuration conf) {
    List<StageManifest> stages = new ArrayList<>();
    for (RunRecord.Output output : run.outputs()) {
      OutputDir dir = new OutputDir(output.uri(), conf);
      dir.committedManifest().ifPresent(manifest ->
          stages.add(ReportInputs.of(dir.uri(), manifest, output.outcome())));
    }
    return ReportInputs.sorted(stages);
  }

  public static Written write(SparkSession spark, List<StageManifest> stages, RunRecord run,
      String subject, String directory, int samplesPerReason) {
    var samples = new RejectedSamples(spark, samplesPerReason).of(stages);
    ObjectNode report = new ReportBuilder(stages).build(subject, run, samples, Instant.now());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path dir = new Path(directory);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      fs.mkdirs(dir);
      Path json = new Path(dir, JSON);
      Path html = new Path(dir, HTML);
      write(fs, json, Json.pretty(report));
      write(fs, html, ReportHtml.render(report));
      return new Written(fs.makeQualified(dir).toString(), fs.makeQualified(json).toString(),
          fs.makeQualified(html).toString(), report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + directory + ": "
          + e.getMessage(), e);
    }
  }

  private static void write(FileSystem fs, Path file, String text) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
