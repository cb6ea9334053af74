package dev.quarry.mixes.shards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksumOutputStreamTest {
  @Test
  void sumsWhatPassesThroughOnceClosed() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    ChecksumOutputStream out = new ChecksumOutputStream(file);
    out.write('a');
    out.write("bc".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(out::sum).hasMessageContaining("close it");
    out.close();
    out.close();
    // sha256("abc"), as `printf abc | sha256sum` gives it
    assertThat(out.sum()).isEqualTo(new FileSum(3,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    assertThat(file.toByteArray()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void abandonedWriterClosesBothStreams() throws Exception {
    List<Boolean> closed = new ArrayList<>();
    class Tracked extends ByteArrayOutputStream {
      @Override
      public void close() {
        closed.add(true);
      }
    }
    try (MegatronShardWriter writer =
        new MegatronShardWriter(new Tracked(), new Tracked(), TokenDtype.UINT16)) {
      writer.add(new int[] {1, 0}, 2);
    }
    assertThat(closed).hasSize(2);
  }
}
