package dev.quarry.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.storage.CommitMode;
import dev.quarry.core.storage.OutputDir;
import dev.quarry.jobs.SparkSubmitProcess.Submitted;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline from s3a:// to s3a:// through hadoop-aws, against s3proxy on loopback
 * ({@link S3ProxyServer}), under spark-submit from the shaded jar. It makes the same mix as a
 * local run, a rerun and a dry run find every stage up to date, {@code quarry mix verify} reads
 * the version back through S3A, a wrong secret fails with a message that names the problem — and
 * the secret is in no object the runs wrote, no line they printed and no Spark event log. Every
 * stage commits in object-store mode (auto for s3a://) and leaves no marker or temporary behind.
 *
 * <p>The first run gets its credentials the riskiest way, as Spark settings on the spark-submit
 * command line ({@code spark.hadoop.fs.s3a.secret.key}), which Spark copies into every Hadoop
 * configuration and its event log's environment; the rerun, the dry run and the verify get them
 * from the environment through the AWS SDK's default provider chain, as conf/spark-defaults.conf
 * sets up.
 */
class S3PipelineIT {
  private static final String BUCKET = "quarry-it";
  private static final String ACCESS_KEY = "AKIAQUARRYS3IT000001";
  /** Distinctive, so that finding it anywhere means it leaked. */
  private static final String SECRET = "QuarryS3itSecret7f3a9c2e41d0b8e6";
  private static final String WRONG_SECRET = "QuarryS3itWrongSecret5d1e0c7b92";
  private static final String WORK = "s3a://" + BUCKET + "/work";
  private static final String VERSION = WORK + "/mixes/demo/v0001";

  @TempDir
  java.nio.file.Path dir;

  @Test
  void theDemoRunsFromS3aToS3aAndTheSecretIsInNoOutputLogOrEventLog() throws Exception {
    java.nio.file.Path logs = Files.createDirectories(dir.resolve("logs"));
    java.nio.file.Path events = Files.createDirectories(dir.resolve("events"));
    java.nio.file.Path local = dir.resolve("local");
    SparkSubmitProcess.run(logs, "local[2]", List.of(), "run", DemoPipeline.write(
        dir.resolve("local.yaml"), local.toString(), DemoPipeline.SAMPLES.toString()).toString());

    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3proxy"), ACCESS_KEY, SECRET)) {
      s3.createBucket(BUCKET);
      Configuration client = new Configuration();
      s3.clientSettings().forEach(s -> client.set(s.split("=", 2)[0], s.split("=", 2)[1]));
      client.set("fs.s3a.access.key", ACCESS_KEY);
      client.set("fs.s3a.secret.key", SECRET);
      upload(client);
      String pipeline = DemoPipeline.write(dir.resolve("s3a.yaml"), WORK,
          "s3a://" + BUCKET + "/samples").toString();
      List<String> settings = new ArrayList<>(s3.clientSettings().stream()
          .map(s -> "spark.hadoop." + s).toList());
      settings.addAll(List.of("spark.eventLog.enabled=true",
          "spark.eventLog.dir=" + events.toUri(), "spark.eventLog.compress=false"));

      assertThat(new OutputDir(WORK + "/dedup", client).commitMode())
          .isEqualTo(CommitMode.OBJECT_STORE);
      Submitted first = SparkSubmitProcess.submit(logs, "local[2]", with(settings,
          "spark.hadoop.fs.s3a.access.key=" + ACCESS_KEY,
          "spark.hadoop.fs.s3a.secret.key=" + SECRET), noAwsEnvironment(), "run", pipeline);
      assertThat(first.exit()).as(first.printed()).isZero();
      assertThat(first.printed())
          .contains("dedup: 399 records in, 116 kept, 283 rejected")
          .contains("mix: created demo@v0001 at " + VERSION
              + " (85 documents, 84,609 tokens, 4 shards)");

      List<String> fromEnvironment = with(settings, "spark.hadoop.fs.s3a.aws.credentials.provider="
          + "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
      Consumer<Map<String, String>> awsEnvironment = env -> {
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
      };
      Submitted again = SparkSubmitProcess.submit(logs, "local[2]", fromEnvironment,
          awsEnvironment, "run", pipeline);
      assertThat(again.exit()).as(again.printed()).isZero();
      for (String stage : List.of("ingest/sample-warc", "ingest/sample-wet",
          "ingest/sample-jsonl", "filter/sample-warc", "filter/sample-wet",
          "filter/sample-jsonl", "dedup")) {
        assertThat(again.printed()).contains(WORK + "/" + stage + " is up to date");
      }
      assertThat(again.printed()).contains("mix: up to date: demo@v0001")
          .doesNotContain("committed");
      Submitted plan = SparkSubmitProcess.submit(logs, "local[2]", fromEnvironment,
          awsEnvironment, "run", pipeline, "--dry-run");
      assertThat(plan.exit()).as(plan.printed()).isZero();
      assertThat(plan.printed()).contains("plan: work_dir " + WORK + " is writable")
          .contains("plan: mix demo: up to date (demo@v0001)")
          .contains("plan: valid; every stage is up to date");

      Submitted verified = SparkSubmitProcess.submit(logs, "local[2]", fromEnvironment,
          awsEnvironment, "mix", "verify", VERSION);
      assertThat(verified.exit()).as(verified.printed()).isZero();
      assertThat(verified.printed()).contains("mix verify: " + VERSION
          + ": 4 shards, 85 documents, 84,609 tokens");

      // The token files are byte for byte the local run's. The OLMo metadata names each
      // document's dataset and raw location (s3a://... here, file:... there): the same rows
      // once those are mapped. The index (Parquet, the same names) is compared by file count.
      Path localVersion = new Path(local.resolve("mixes/demo/v0001").toUri());
      List<String> remote = MixFiles.checksums(new Path(VERSION), client);
      List<String> localFiles = MixFiles.checksums(localVersion, client);
      assertThat(tokenFiles(remote)).hasSize(12).isEqualTo(tokenFiles(localFiles));
      assertThat(remote).hasSameSizeAs(localFiles);
      assertThat(olmoRows(new Path(VERSION), client)).isEqualTo(olmoRows(localVersion, client)
          .replace("file:" + local + "/", WORK + "/")
          .replace("file:" + DemoPipeline.SAMPLES + "/", "s3a://" + BUCKET + "/samples/"));

      Submitted wrong = SparkSubmitProcess.submit(logs, "local[2]", with(settings,
          "spark.hadoop.fs.s3a.access.key=" + ACCESS_KEY,
          "spark.hadoop.fs.s3a.secret.key=" + WRONG_SECRET), noAwsEnvironment(), "run",
          pipeline);
      assertThat(wrong.exit()).as(wrong.printed()).isEqualTo(1);
      assertThat(wrong.printed()).contains("run: failed: cannot list input 's3a://" + BUCKET
          + "/samples/").contains("AccessDeniedException").contains("Status Code: 403")
          .contains("SignatureDoesNotMatch");

      assertThat(secretIn(Files.readAllBytes(dir.resolve("s3proxy/s3proxy.properties"))))
          .as("the search finds the secret where it is").isTrue();
      try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"),
          client)) {
        List<Path> objects = objects(fs);
        // No commit marker, temporary or moved-aside output (.<name>.quarry-...) is left.
        assertThat(objects).hasSizeGreaterThan(50)
            .noneMatch(o -> o.toString().contains(".quarry-"));
        assertThat(objectsHoldingTheSecret(fs)).as("objects holding the secret").isEmpty();
      }
      assertThat(filesHolding(logs)).as("logs holding the secret").isEmpty();
      assertThat(filesHolding(events)).as("event logs holding the secret").isEmpty();
      assertThat(eventLogs(events)).as("the setting is there, its value redacted by Spark")
          .contains("\"spark.hadoop.fs.s3a.secret.key\":\"*********(redacted)\"");
      try (Stream<java.nio.file.Path> written = Files.list(events)) {
        assertThat(written.count()).as("event logs of the s3a runs' Spark applications")
            .isEqualTo(4);
      }
    }
  }

  private static List<String> with(List<String> settings, String... more) {
    List<String> all = new ArrayList<>(settings);
    all.addAll(List.of(more));
    return all;
  }

  /** The child gets no AWS credentials from this JVM's environment, whatever it holds. */
  private static Consumer<Map<String, String>> noAwsEnvironment() {
    return env -> env.keySet().removeIf(k -> k.startsWith("AWS_") && !k.equals("AWS_CA_BUNDLE"));
  }

  private static void upload(Configuration client) throws IOException {
    try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://" + BUCKET + "/"), client)) {
      for (String sample : List.of("warc/quarry-sample.warc.gz",
          "wet/quarry-sample.warc.wet.gz", "jsonl/quarry-sample.jsonl")) {
        // Not copyFromLocalFile: its transfer manager signs the payload in a way s3proxy
        // rejects (XAmzContentSHA256Mismatch); the pipeline writes with create() like this.
        try (var out = fs.create(new Path("s3a://" + BUCKET + "/samples/" + sample), false)) {
          out.write(Files.readAllBytes(DemoPipeline.SAMPLES.resolve(sample)));
        }
      }
    }
  }

  /** The Megatron .bin/.idx and OLMo .npy lines of a checksum listing. */
  private static List<String> tokenFiles(List<String> checksums) {
    return checksums.stream().filter(line -> line.matches("\\S+\\.(bin|idx|npy) \\S+")).toList();
  }

  /** The rows of a version's OLMo metadata files, in shard order. */
  private static String olmoRows(Path version, Configuration conf) throws IOException {
    StringBuilder rows = new StringBuilder();
    try (FileSystem fs = FileSystem.newInstance(version.toUri(), conf)) {
      for (FileStatus csv : fs.globStatus(new Path(version, "olmo/*.csv.gz"))) {
        try (InputStream in = new GZIPInputStream(fs.open(csv.getPath()))) {
          rows.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(rows).as("OLMo rows of " + version).isNotEmpty();
    return rows.toString();
  }

  /** Every object in the bucket. */
  private static List<Path> objects(FileSystem fs) throws IOException {
    List<Path> objects = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(new Path("s3a://" + BUCKET + "/"),
        true);
    while (files.hasNext()) {
      objects.add(files.next().getPath());
    }
    return objects;
  }

  /** Every object in the bucket that holds the secret (gzip objects also unzipped). */
  private static List<String> objectsHoldingTheSecret(FileSystem fs) throws IOException {
    List<String> holding = new ArrayList<>();
    for (Path object : objects(fs)) {
      try (InputStream in = fs.open(object)) {
        if (secretIn(in.readAllBytes())) {
          holding.add(object.toString());
        }
      }
    }
    return holding;
  }

  private static String eventLogs(java.nio.file.Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    for (java.nio.file.Path file : filesUnder(root)) {
      all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
    }
    return all.toString();
  }

  private static List<String> filesHolding(java.nio.file.Path root) throws IOException {
    List<String> holding = new ArrayList<>();
    for (java.nio.file.Path file : filesUnder(root)) {
      if (secretIn(Files.readAllBytes(file))) {
        holding.add(file.toString());
      }
    }
    return holding;
  }

  private static List<java.nio.file.Path> filesUnder(java.nio.file.Path root)
      throws IOException {
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** Whether the bytes, or what they unzip to, hold the secret or the wrong one. */
  private static boolean secretIn(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (text.contains(SECRET) || text.contains(WRONG_SECRET)) {
      return true;
    }
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        return secretIn(in.readAllBytes());
      }
    }
    return false;
  }
}
