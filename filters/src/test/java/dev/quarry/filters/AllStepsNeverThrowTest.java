package dev.quarry.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.quarry.core.Document;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.chain.FilterChain;
import dev.quarry.filters.chain.StepRegistry;
import dev.quarry.filters.classifier.ClassifierStep;
import dev.quarry.filters.classifier.FeatureSpec;
import dev.quarry.filters.classifier.TestModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered step, built with its defaults (and the parameters it requires), over hostile
 * texts in several languages: no exception, and a verdict that keeps or drops the same document.
 */
class AllStepsNeverThrowTest {
  /** Every registry of steps; add a module's registration here and its steps are covered. */
  static final List<Supplier<StepRegistry>> REGISTRIES = List.of(FilterSteps::registry);

  static final List<String> LANGS = Arrays.asList(null, "und", "eng", "cmn", "tha");

  static final Map<String, String> TEXTS = new LinkedHashMap<>();

  /** Parameters of the steps that need some (every other step runs on its defaults). */
  static final Map<String, Map<String, Object>> REQUIRED_PARAMS = new LinkedHashMap<>();

  @TempDir
  static Path models;

  @BeforeAll
  static void texts() throws IOException {
    Path model = TestModels.writeDirectory(TestModels.random(FeatureSpec.DEFAULT, 1),
        models.resolve("random"));
    REQUIRED_PARAMS.put(ClassifierStep.NAME, Map.of("model", model.toString(), "name",
        "random", "per_paragraph", true));
    TEXTS.put("empty", "");
    TEXTS.put("whitespace", " \t\n\r\n  \u00a0\u3000\u2028\n\n");
    TEXTS.put("10 MB of one character", "a".repeat(10 * 1024 * 1024));
    TEXTS.put("1 MB of newlines", "\n".repeat(1024 * 1024));
    TEXTS.put("1 MB of one Han character", "中".repeat(1024 * 1024));
    TEXTS.put("1 MB of full stops", ".".repeat(1024 * 1024));
    TEXTS.put("lone surrogates", "\uD800".repeat(1000) + "text" + "\uDC00".repeat(1000)
        + " \uD800");
    TEXTS.put("repeated supplementary private use at the end", "The council met on "
        + "Tuesday to talk about the new library \uDBFF\uDC01\uDBFF\uDC01");
    Random random = new Random(20261123);
    for (int length : new int[] {1, 100, 10_000, 200_000}) {
      TEXTS.put("random unicode " + length, randomUnicode(random, length));
    }
    TEXTS.put("binary", binary(random, 100_000));
    TEXTS.put("html remnants", """
        <div class="nav">&nbsp;Home &amp; Garden | <a href="/x">Shop</a></div>
        <script type="text/javascript">var x = {a: 1}; if (a < b) { document.write('<p>'); }
        </script><style>.a{color:red} #b > p::after {content: "\\201C"}</style>
        &lt;p&gt;Lorem ipsum &#8217;s &#x27; <br/><!-- comment --> <![CDATA[ data ]]>
        """.repeat(50));
    TEXTS.put("2,000 lines of one line", "Click here to read more about it.\n".repeat(2000));
  }

  /** Code points of many kinds: scripts, RTL, combining marks, emoji, unassigned, lone halves. */
  private static String randomUnicode(Random random, int length) {
    int[][] ranges = {{0x20, 0x7E}, {0x0A, 0x0A}, {0xA0, 0xFF}, {0x0370, 0x03FF},
        {0x0400, 0x04FF}, {0x05D0, 0x05EA}, {0x0600, 0x06FF}, {0x0300, 0x036F}, {0x0900, 0x097F},
        {0x0E00, 0x0E7F}, {0x0E80, 0x0EFF}, {0x1780, 0x17FF}, {0x1000, 0x109F}, {0x3040, 0x30FF},
        {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0xFE00, 0xFE0F},
        {0x1F300, 0x1F6FF}, {0x1F1E6, 0x1F1FF}, {0xD800, 0xDFFF}, {0xE000, 0xF8FF},
        {0x0000, 0xFFFF}, {0x10000, 0x10FFFF}};
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      int[] range = ranges[random.nextInt(ranges.length)];
      int run = 1 + random.nextInt(12);
      for (int i = 0; i < run; i++) {
        int cp = range[0] + random.nextInt(range[1] - range[0] + 1);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          sb.append((char) cp);
        } else {
          sb.appendCodePoint(cp);
        }
      }
      if (random.nextInt(4) == 0) {
        sb.append(random.nextBoolean() ? ' ' : '\n');
      }
    }
    return sb.toString();
  }

  private static String binary(Random random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) random.nextInt(256);
    }
    return new String(chars);
  }

  static List<DocumentStep> everyStep() {
    List<DocumentStep> steps = new ArrayList<>();
    for (Supplier<StepRegistry> registry : REGISTRIES) {
      StepRegistry built = registry.get();
      for (String name : built.names()) {
        ChainConfig config = new ChainConfig(null, null, null,
            List.of(new ChainConfig.StepConfig(name,
                REQUIRED_PARAMS.getOrDefault(name, Map.of()))));
        steps.addAll(built.build(config, "defaults of " + name));
      }
    }
    return steps;
  }

  private static Document doc(String name, String text, String lang) {
    return new Document(name, text, null, "test", null, "mem:" + name, null, null, lang, null,
        null, null);
  }

  @Test
  void everyStepGivesAVerdictOnEveryText() {
    List<DocumentStep> steps = everyStep();
    assertThat(steps).hasSizeGreaterThanOrEqualTo(4);
    for (DocumentStep step : steps) {
      for (Map.Entry<String, String> text : TEXTS.entrySet()) {
        for (String lang : LANGS) {
          Document document = doc(text.getKey().replace(' ', '-'), text.getValue(), lang);
          String what = step.name() + " on " + text.getKey() + " (" + lang + ")";
          assertThatCode(() -> {
            Verdict verdict = step.apply(document);
            assertThat(verdict).as(what).isNotNull();
            assertThat(verdict.document().id()).as(what).isEqualTo(document.id());
            assertThat(verdict.document().text()).as(what).isNotNull();
            assertThat(verdict.kept() || verdict.dropReason().startsWith(prefixOf(step)))
                .as(what + ": " + verdict.dropReason()).isTrue();
          }).as(what).doesNotThrowAnyException();
        }
      }
    }
  }

  /** Reasons start with their filter's family: gopher_, c4_, fineweb_, ... */
  private static String prefixOf(DocumentStep step) {
    return step.name().substring(0, step.name().indexOf('_') + 1);
  }

  /** Steps in a chain see what earlier steps made of the text (C4 removes lines). */
  @Test
  void theWholeChainInAnnotateModeRecordsNoError() {
    FilterChain chain = new FilterChain(everyStep(), ChainConfig.Mode.ANNOTATE);
    for (Map.Entry<String, String> text : TEXTS.entrySet()) {
      if (text.getValue().length() > 2 * 1024 * 1024) {
        continue; // each step alone has had it; the chain adds nothing but time
      }
      for (String lang : LANGS) {
        FilterChain.Outcome outcome = chain.apply(doc("chain", text.getValue(), lang));
        assertThat(outcome.error()).as(text.getKey() + " (" + lang + ")").isNull();
      }
    }
    assertThat(chain.stats().countersWithPrefix("errors.")).isEmpty();
  }
}
