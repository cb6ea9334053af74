package dev.quarry.filters.lists;

import static dev.quarry.filters.lists.UrlBlocklistTest.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.core.config.ConfigException;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWordListTest {
  /** {@code n} ordinary words. */
  private static String filler(int n) {
    return "word ".repeat(n);
  }

  private static double per1000(Verdict verdict) {
    return verdict.document().attrs().get(ContentWordList.ATTR);
  }

  @Test
  void keywordStuffingIsDropped() {
    ContentWordList step = new ContentWordList(ContentWordList.Params.defaults());
    Verdict verdict = step.apply(doc(null,
        "Play at the online casino! Free spins, free bonus, click here. " + filler(40)));
    assertThat(verdict.dropReason()).isEqualTo("content_word_list");
    assertThat(per1000(verdict)).isGreaterThan(2.0);
  }

  @Test
  void ratesArePerThousandWordsAndTheLimitItselfIsKept() {
    ContentWordList step = new ContentWordList(ContentWordList.Params.defaults());
    // 1 match in 500 words: 2.0 per 1,000, the limit, kept.
    Verdict atLimit = step.apply(doc(null, "Casino " + filler(499)));
    assertThat(atLimit.kept()).isTrue();
    assertThat(per1000(atLimit)).isCloseTo(2.0, within(1e-9));
    // "payday loan" is one match of two words: 1 in 400 words = 2.5.
    Verdict above = step.apply(doc(null, "A PAYDAY loan. " + filler(397)));
    assertThat(above.dropReason()).isEqualTo("content_word_list");
    assertThat(per1000(above)).isCloseTo(2.5, within(1e-9));
    assertThat(per1000(step.apply(doc(null, "nothing listed here")))).isZero();
    assertThat(per1000(step.apply(doc(null, "")))).isZero();
  }

  @Test
  void wholeWordsOnlyAndTheLongestEntryCountsOnce() {
    ContentWordList step = new ContentWordList(ContentWordList.Params.defaults());
    assertThat(step.count("casinos jackpots viagras click-heres")).isZero();
    // "online casino" (one match, not also "casino"), then "casino slots".
    assertThat(step.count("Online Casino casino slots")).isEqualTo(2);
    assertThat(step.count("click   here, CLICK-HERE")).isEqualTo(2);
  }

  @Test
  void textsBelowMinWordsAreSkipped() {
    ContentWordList step = new ContentWordList(
        new ContentWordList.Params(null, null, Threshold.of(10)));
    Verdict verdict = step.apply(doc(null, "casino viagra jackpot"));
    assertThat(verdict.kept()).isTrue();
    assertThat(verdict.document().attrs()).doesNotContainKey(ContentWordList.ATTR);
  }

  @Test
  void aListFromATempDirWorks(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("words.txt");
    Files.writeString(list, "# test\nBlue Widget\n\nzorp\n");
    ContentWordList step = new ContentWordList(new ContentWordList.Params(
        List.of(list.toString()), Threshold.of(100), null));
    Verdict verdict = step.apply(doc(null, "blue widget zorp casino x x x x x x"));
    assertThat(per1000(verdict)).isCloseTo(200.0, within(1e-9)); // 2 in 10 words
    assertThat(verdict.dropReason()).isEqualTo("content_word_list");
  }

  @Test
  void aMissingListFileNamesTheParameter(@TempDir Path dir) {
    String missing = dir.resolve("missing.txt").toString();
    assertThatThrownBy(() -> new ContentWordList(
        new ContentWordList.Params(List.of(ContentWordList.DEFAULT_LISTS.get(0), missing),
            null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lists[1]").hasMessageContaining(missing);
    assertThatThrownBy(() -> new ContentWordList(
        new ContentWordList.Params(List.of("classpath:lists/none.txt"), null, null)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("lists[0]");
  }
}
