package dev.quarry.jobs.bench;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.spark.SerializableHadoopConf;
import dev.quarry.ingest.InputFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The floor under ingest's extraction: one Spark task per WARC/WET file that only decompresses
 * and parses every WARC record with jwarc and reads its block, counting records and payload
 * bytes. Unreadable records are counted as errors and reading resumes at the next record, as
 * ingest does, so both read the same records.
 */
public final class WarcScanBaseline implements Baseline {
  @Override
  public String name() {
    return "warc-scan";
  }

  @Override
  public String description() {
    return "decompress and parse every WARC record with jwarc, nothing else (WARC/WET input)";
  }

  @Override
  public void check(InputFormat format) {
    if (format != InputFormat.WARC && format != InputFormat.WET) {
      throw new ConfigException("command line", "--baseline", name() + " reads WARC and WET "
          + "files only, and the input is " + format);
    }
  }

  @Override
  public Measured run(SparkSession spark, BenchInput input, String output) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    spark.sparkContext().setJobDescription(name() + ": scan " + input.files().size()
        + " file(s)");
    try {
      List<WarcScan.Counts> perFile = jsc.parallelize(input.files(), input.files().size())
          .map(new WarcScan(new SerializableHadoopConf(jsc.hadoopConfiguration())))
          .collect();
      WarcScan.Counts total = perFile.stream().reduce(new WarcScan.Counts(0, 0, 0),
          WarcScan.Counts::plus);
      return new Measured(total.records() + total.errors(), null, null, total.errors(),
          Map.of("records", total.records(), "payload_bytes", total.payloadBytes()));
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }
}
