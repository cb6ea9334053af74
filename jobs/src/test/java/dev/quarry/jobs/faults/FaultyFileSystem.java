package dev.quarry.jobs.faults;

import java.io.FileNotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under its own scheme, {@code faulty:///<local path>}, with faults a test
 * sets: a file that is deleted when it is first opened (it was there when a stage listed its
 * inputs, and is gone when a task reads it), and a directory that is full after some bytes
 * (every stream written under it fails with "No space left on device", as a full disk does).
 * The faults are static: Spark's tasks run in this JVM in local mode and open their own
 * instances (the cache is off), and must see what the test set.
 */
public final class FaultyFileSystem extends RawLocalFileSystem {
  public static final String SCHEME = "faulty";
  private static final URI NAME = URI.create(SCHEME + ":///");
  private static final Map<String, Boolean> DELETE_WHEN_OPENED = new ConcurrentHashMap<>();
  private static final Map<String, AtomicLong> FREE_BYTES = new ConcurrentHashMap<>();
  private static final AtomicInteger TRIGGERED = new AtomicInteger();

  /** Makes {@code faulty://} paths open this file system in {@code conf}. */
  public static void register(Configuration conf) {
    conf.set("fs." + SCHEME + ".impl", FaultyFileSystem.class.getName());
    conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
  }

  /** The {@code faulty://} URI of a local path. */
  public static String uri(java.nio.file.Path local) {
    return SCHEME + "://" + local.toAbsolutePath().normalize();
  }

  /** {@code file} is deleted the first time anything opens it, and so cannot be read. */
  public static void deleteWhenOpened(java.nio.file.Path file) {
    DELETE_WHEN_OPENED.put(key(file), true);
  }

  /** Files written under {@code dir} share {@code bytes} of space; past it, writes fail. */
  public static void fullAfter(java.nio.file.Path dir, long bytes) {
    FREE_BYTES.put(key(dir), new AtomicLong(bytes));
  }

  /** How many times a fault fired since the last {@link #clear}. */
  public static int triggered() {
    return TRIGGERED.get();
  }

  /** Removes every fault. */
  public static void clear() {
    DELETE_WHEN_OPENED.clear();
    FREE_BYTES.clear();
    TRIGGERED.set(0);
  }

  private static String key(java.nio.file.Path local) {
    return local.toAbsolutePath().normalize().toString();
  }

  @Override
  public URI getUri() {
    return NAME;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    setConf(conf);
  }

  // The local file system reads owner and permissions through a java.io.File of the path's URI,
  // which must be a file: URI; the statuses here carry them already.
  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    return plain(super.getFileStatus(f));
  }

  @Override
  public FileStatus getFileLinkStatus(Path f) throws IOException {
    return plain(super.getFileLinkStatus(f));
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    FileStatus[] statuses = super.listStatus(f);
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = plain(statuses[i]);
    }
    return statuses;
  }

  private static FileStatus plain(FileStatus s) {
    return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(),
        s.getModificationTime(), s.getAccessTime(), FsPermission.getDefault(), "quarry",
        "quarry", s.getPath());
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    java.nio.file.Path local = pathToFile(f).toPath();
    if (DELETE_WHEN_OPENED.remove(key(local)) != null) {
      TRIGGERED.incrementAndGet();
      java.nio.file.Files.deleteIfExists(local);
      throw new FileNotFoundException(f + " (No such file or directory)");
    }
    return super.open(f, bufferSize);
  }

  @Override
  public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication,
      long blockSize, Progressable progress) throws IOException {
    return limited(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite,
      int bufferSize, short replication, long blockSize, Progressable progress)
      throws IOException {
    return limited(f, super.create(f, permission, overwrite, bufferSize, replication, blockSize,
        progress));
  }

  @Override
  public FSDataOutputStream createNonRecursive(Path f, FsPermission permission,
      EnumSet<CreateFlag> flags, int bufferSize, short replication, long blockSize,
      Progressable progress) throws IOException {
    return limited(f, super.createNonRecursive(f, permission, flags, bufferSize, replication,
        blockSize, progress));
  }

  @Override
  public FSDataOutputStream append(Path f, int bufferSize, Progressable progress)
      throws IOException {
    return limited(f, super.append(f, bufferSize, progress));
  }

  /** The stream, failing once the space of a full directory it is under runs out. */
  private FSDataOutputStream limited(Path f, FSDataOutputStream stream) {
    String file = key(pathToFile(f).toPath());
    AtomicLong free = FREE_BYTES.entrySet().stream()
        .filter(e -> file.startsWith(e.getKey() + "/")).map(Map.Entry::getValue)
        .findFirst().orElse(null);
    if (free == null) {
      return stream;
    }
    return new FSDataOutputStream(new FilterOutputStream(stream) {
      @Override
      public void write(int b) throws IOException {
        take(1);
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        take(len);
        out.write(b, off, len);
      }

      private void take(long bytes) throws IOException {
        if (free.addAndGet(-bytes) < 0) { // and stays full
          TRIGGERED.incrementAndGet();
          throw new IOException("No space left on device");
        }
      }
    }, statistics);
  }
}
