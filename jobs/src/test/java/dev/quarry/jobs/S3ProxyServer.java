package dev.quarry.jobs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server on loopback for integration tests: s3proxy (it-s3proxy/) in its own
 * JVM — its Netty, Jetty, Jackson and Guava would clash with Spark's — with jclouds' in-memory
 * {@code transient} store, which needs no disk and answers as fast as the test can ask.
 * (Its {@code filesystem} store takes ~10 s per recursive delete, and its nio2 stores answer a
 * HEAD on a directory marker's key without the slash as if it were a file, which S3A then
 * refuses to create a directory under.) It checks AWS signatures (v2 and v4) against one access
 * key and secret. {@link #close} stops the process and waits until it is gone.
 */
final class S3ProxyServer implements AutoCloseable {
  /**
   * What an s3a:// client of this server needs besides credentials. Found by running: without
   * the endpoint S3A goes to AWS; the rest are what any S3-compatible store wants, though this
   * one would work without them.
   */
  static final List<String> CLIENT_SETTINGS = List.of(
      // Not AWS: requests go here. Its http:// scheme turns TLS off for it (so
      // fs.s3a.connection.ssl.enabled=false is not needed).
      "fs.s3a.endpoint=%s",
      // The bucket in the path (http://host:port/bucket/key), not in the host name
      // (bucket.host), which resolves only for AWS. The SDK does this by itself for an IP
      // address like 127.0.0.1, not for a host name like localhost.
      "fs.s3a.path.style.access=true",
      // The region to sign for. Unset, S3A signs for us-east-2 with cross-region access on, a
      // fallback made for AWS.
      "fs.s3a.endpoint.region=us-east-1");

  private static final Path CLASSPATH = Path.of("..", "it-s3proxy", "target", "s3proxy.classpath");

  private final Process process;
  private final String endpoint;
  private final String accessKey;
  private final String secret;

  private S3ProxyServer(Process process, String endpoint, String accessKey, String secret) {
    this.process = process;
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secret = secret;
  }

  /** Starts the server with its files (settings, log) under {@code dir}; waits for its port. */
  static S3ProxyServer start(Path dir, String accessKey, String secret)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    Path properties = Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
        "s3proxy.endpoint=" + endpoint,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + accessKey,
        "s3proxy.credential=" + secret,
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused", ""));
    // Warnings only: at DEBUG (logback's default) it logs every request.
    Path logback = Files.writeString(dir.resolve("logback.xml"), """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
          </appender>
          <root level="WARN"><appender-ref ref="OUT"/></root>
        </configuration>
        """);
    List<String> command = SparkSubmitProcess.java("256m",
        Files.readString(CLASSPATH).strip(), "org.gaul.s3proxy.Main");
    command.add(1, "-Dlogback.configurationFile=" + logback);
    command.addAll(List.of("--properties", properties.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
    S3ProxyServer server = new S3ProxyServer(process, endpoint, accessKey, secret);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!server.listening(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new IllegalStateException("s3proxy did not start on port " + port + ":\n"
            + Files.readString(dir.resolve("s3proxy.log")));
      }
      Thread.sleep(200);
    }
    return server;
  }

  private boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  String endpoint() {
    return endpoint;
  }

  /** The client settings for this server, as "key=value". */
  List<String> clientSettings() {
    return CLIENT_SETTINGS.stream().map(s -> s.formatted(endpoint)).toList();
  }

  /** Creates a bucket (S3A works inside buckets, it never creates one). */
  void createBucket(String name) {
    try (S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(accessKey, secret)))
        .build()) {
      s3.createBucket(b -> b.bucket(name));
    }
  }

  /** Stops the server and waits until its process has exited. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
    if (process.isAlive()) {
      throw new IllegalStateException("s3proxy (pid " + process.pid() + ") is still running");
    }
  }
}
