package dev.quarry.ingest.readers;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/** Opening raw shards through the Hadoop FileSystem API, with transparent decompression. */
public final class HadoopFiles {
  private HadoopFiles() {}

  public static FSDataInputStream open(String uri, Configuration conf) {
    try {
      Path path = new Path(uri);
      return path.getFileSystem(conf).open(path, 1 << 16);
    } catch (java.io.FileNotFoundException e) {
      // It was listed when the stage planned its inputs: deleted or moved since.
      throw new UncheckedIOException("cannot open shard " + uri + ": it was listed when the "
          + "stage planned its inputs and is gone now (deleted or moved while the stage ran). "
          + "Rerun the stage: it lists its inputs again", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open shard " + uri, e);
    }
  }

  /** Gzip (also multi-member) or Zstandard by magic bytes, else the stream as is. */
  public static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      return new BufferedInputStream(new ZstdInputStream(in), 1 << 16);
    }
    return in;
  }

  /** A seekable channel over a Hadoop stream, so jwarc can seek to resynchronise. */
  public static final class SeekableChannel implements SeekableByteChannel {
    private final FSDataInputStream in;
    private final long size;
    private final byte[] chunk = new byte[1 << 16];
    private boolean open = true;

    public SeekableChannel(FSDataInputStream in, long size) {
      this.in = in;
      this.size = size;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      int n = in.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
      if (n > 0) {
        dst.put(chunk, 0, n);
      }
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public long position() throws IOException {
      return in.getPos();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
      in.seek(newPosition);
      return this;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() throws IOException {
      open = false;
      in.close();
    }
  }
}
