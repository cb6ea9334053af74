package dev.quarry.mixes.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixVersionsTest {
  @TempDir
  Path root;

  @Test
  void versionsCountUpAndAreNeverReused() throws Exception {
    MixVersions versions = new MixVersions(root.toString(), new Configuration());
    assertThat(versions.claimNext("web")).isEqualTo(1);
    assertThat(versions.claimNext("web")).isEqualTo(2);
    assertThat(versions.claimNext("books")).isEqualTo(1);
    Files.createFile(root.resolve("web/v0002/_SUCCESS"));
    assertThat(versions.committed("web", 2)).isTrue();
    assertThat(versions.committed("web", 1)).isFalse();
    assertThat(versions.claimNext("web")).isEqualTo(3); // v0001 failed: still not reused
    assertThat(versions.names()).containsExactly("books", "web");
    assertThat(versions.versions("web")).containsExactly(1, 2, 3);
    assertThat(MixVersions.parse("v0012")).contains(12);
    assertThat(MixVersions.parse("12")).contains(12);
    assertThat(MixVersions.parse("latest")).isEmpty();
  }

  @Test
  void concurrentCreatesNeverTakeTheSameVersion() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> claims = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        claims.add(pool.submit(() ->
            new MixVersions(root.toString(), new Configuration()).claimNext("web")));
      }
      HashSet<Integer> taken = new HashSet<>();
      for (Future<Integer> claim : claims) {
        assertThat(taken.add(claim.get())).as("version claimed twice").isTrue();
      }
      assertThat(taken).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }
}
