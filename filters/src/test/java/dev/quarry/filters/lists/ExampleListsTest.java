package dev.quarry.filters.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jar's example lists are the copies in {@code conf/lists/}. */
class ExampleListsTest {
  @Test
  void theClasspathListsAreTheConfLists() throws Exception {
    Path conf = Path.of("..", "conf", "lists");
    for (String name : List.of("blocked-domains.txt", "banned-url-words.txt",
        "content-words.txt")) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("lists/" + name)) {
        assertThat(in).as(name).isNotNull();
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(name)
            .isEqualTo(Files.readString(conf.resolve(name)));
      }
    }
  }
}
