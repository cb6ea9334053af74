package dev.quarry.filters.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.core.Document;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.FilterSteps;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.Verdict;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.chain.FilterChain;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierStepTest {
  private static final FeatureSpec SPEC = new FeatureSpec(1, 1, 1 << 10);

  @TempDir
  static Path dir;
  /** "good" weighs +4, "bad" -4, every other word 0, intercept 0. */
  static Path model;

  @BeforeAll
  static void writeModel() throws IOException {
    NgramFeatures features = new NgramFeatures(SPEC);
    features.hashes("good bad");
    assertThat(features.bucket(0)).isNotEqualTo(features.bucket(1));
    double[] weights = new double[SPEC.buckets()];
    weights[features.bucket(0)] = 4;
    weights[features.bucket(1)] = -4;
    model = TestModels.writeDirectory(new LinearModel(SPEC, 0, weights), dir.resolve("quality"));
  }

  private static double sigmoid(double margin) {
    return 1 / (1 + Math.exp(-margin));
  }

  static Document doc(String text) {
    return new Document("d", text, null, "test", null, "mem:d", null, null, null, null, null,
        null);
  }

  private static ClassifierStep step(Threshold min, Threshold max, Boolean perParagraph) {
    return new ClassifierStep(new ClassifierStep.Params(model.toString(), "quality", min, max,
        perParagraph));
  }

  @Test
  void putsTheProbabilityInAttrs() {
    ClassifierStep step = step(null, null, null);
    assertThat(step.name()).isEqualTo("classifier_quality");
    assertThat(step.apply(doc("Good, GOOD text.")).document().attrs())
        .containsOnlyKeys("quality")
        .containsEntry("quality", sigmoid(4 * 2 / 3.0));
    assertThat(step.apply(doc("bad")).document().attrs().get("quality"))
        .isCloseTo(sigmoid(-4), within(1e-15));
    // No word: the model's prior (its intercept), and no threshold by default.
    Verdict empty = step.apply(doc(null));
    assertThat(empty.kept()).isTrue();
    assertThat(empty.document().attrs()).containsEntry("quality", 0.5);
  }

  @Test
  void thresholdsDropWithReasonsBuiltFromTheName() {
    ClassifierStep step = step(Threshold.of(0.5), Threshold.of(0.9), null);
    Verdict low = step.apply(doc("bad good bad"));
    assertThat(low.dropReason()).isEqualTo("quality_below_min");
    assertThat(low.document().attrs().get("quality")).isCloseTo(sigmoid(-4 / 3.0),
        within(1e-15));
    assertThat(step.apply(doc("good good")).dropReason()).isEqualTo("quality_above_max");
    assertThat(step.apply(doc("good bad")).kept()).isTrue(); // exactly 0.5: the minimum is kept
    assertThat(step.apply(doc("good and some other words")).kept()).isTrue();
    assertThat(step(Threshold.OFF, Threshold.OFF, null).apply(doc("bad")).kept()).isTrue();
  }

  @Test
  void perParagraphMeanAndMinimum() {
    String text = "Good good.\n\nbad\n  \t\n\n--- * ---\n\nGood bad\n";
    Verdict verdict = step(Threshold.of(0.6), null, true).apply(doc(text));
    Map<String, Double> attrs = verdict.document().attrs();
    // Paragraphs: "Good good." (margin 4), "bad" (-4), "--- * ---" (no word: skipped),
    // "Good bad" (0). The whole text: (4 + 4 - 4 + 4 - 4) / 5 = 0.8.
    assertThat(attrs.get("quality")).isCloseTo(sigmoid(0.8), within(1e-15));
    assertThat(attrs.get("quality.paragraph_mean"))
        .isCloseTo((sigmoid(4) + sigmoid(-4) + 0.5) / 3, within(1e-15));
    assertThat(attrs.get("quality.paragraph_min")).isCloseTo(sigmoid(-4), within(1e-15));
    assertThat(verdict.kept()).isTrue(); // the threshold is on the whole text, not a paragraph

    Map<String, Double> none = step(null, null, true).apply(doc(" \n\n!!!\n\n")).document()
        .attrs();
    assertThat(none).containsOnlyKeys("quality");
    assertThat(step(null, null, false).apply(doc(text)).document().attrs())
        .containsOnlyKeys("quality");
  }

  @Test
  void theModelIsReadOncePerPath() throws IOException {
    ClassifierStep a = step(null, null, null);
    ClassifierStep b = new ClassifierStep(ClassifierStep.Params.of(model.toString(), "other"));
    assertThat(b.model()).isSameAs(a.model());
    // The model.bin itself works too (another path: read once more, the same weights).
    ClassifierStep file = new ClassifierStep(ClassifierStep.Params.of(
        model.resolve("model.bin").toString(), "quality"));
    assertThat(file.apply(doc("good")).document().attrs())
        .isEqualTo(a.apply(doc("good")).document().attrs());
    // A file URI goes through the Hadoop FileSystem API like s3a:// would.
    ClassifierStep uri = new ClassifierStep(ClassifierStep.Params.of(
        model.toUri().toString(), "quality"));
    assertThat(uri.model().weight(0)).isEqualTo(a.model().weight(0));
  }

  @Test
  void classpathModels() throws IOException {
    Path classes = dir.resolve("classes");
    TestModels.writeDirectory(TestModels.random(FeatureSpec.DEFAULT, 5),
        classes.resolve("models/random"));
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      thread.setContextClassLoader(loader);
      ClassifierStep directory = new ClassifierStep(ClassifierStep.Params.of(
          "classpath:models/random", "q"));
      ClassifierStep bin = new ClassifierStep(ClassifierStep.Params.of(
          "classpath:/models/random/model.bin", "q"));
      assertThat(directory.apply(doc("some words")).document().attrs())
          .isEqualTo(bin.apply(doc("some words")).document().attrs());
      assertThatThrownBy(() -> new ClassifierStep(ClassifierStep.Params.of(
          "classpath:models/none", "q")))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("model: no such model 'classpath:models/none' (classpath)")
          .hasMessageContaining("quarry classifier train");
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  private static void assertBad(ClassifierStep.Params params, String field, String problem) {
    assertThatThrownBy(() -> new ClassifierStep(params))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo(field))
        .hasMessageContaining(problem);
  }

  @Test
  void badParametersNameTheField() throws IOException {
    String m = model.toString();
    assertBad(ClassifierStep.Params.of(null, "quality"), "model", "is required");
    assertBad(ClassifierStep.Params.of(m, " "), "name", "is required");
    for (String name : List.of("Quality", "quality-score", "quality.x", "1st", "a__b", "q_")) {
      assertBad(ClassifierStep.Params.of(m, name), "name", "snake_case");
    }
    assertBad(new ClassifierStep.Params(m, "q", Threshold.of(1.5), null, null), "min_score",
        "between 0.0 and 1.0");
    assertBad(new ClassifierStep.Params(m, "q", null, Threshold.of(-1), null), "max_score",
        "between 0.0 and 1.0");
    assertBad(new ClassifierStep.Params(m, "q", Threshold.of(0.8), Threshold.of(0.2), null),
        "max_score", "every document would be dropped");

    String missing = dir.resolve("no-such-model").toString();
    assertBad(ClassifierStep.Params.of(missing, "q"), "model", "no such model '" + missing + "'");
    Path empty = Files.createDirectories(dir.resolve("empty-dir"));
    assertBad(ClassifierStep.Params.of(empty.toString(), "q"), "model",
        "no such model '" + empty.resolve("model.bin") + "'");
    Path damaged = Files.createDirectories(dir.resolve("damaged"));
    byte[] bytes = Files.readAllBytes(model.resolve("model.bin"));
    Files.write(damaged.resolve("model.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
    assertBad(ClassifierStep.Params.of(damaged.toString(), "q"), "model", "damaged");
    Path json = model.resolve("model.json");
    assertBad(ClassifierStep.Params.of(json.toString(), "q"), "model",
        "not a Quarry linear model");
  }

  @Test
  void aChainFileBuildsTheStepThroughTheRegistry() {
    String yaml = """
        mode: filter
        steps:
          - name: classifier
            params:
              model: %s
              name: quality
              min_score: 0.3
              max_score: null
              per_paragraph: true
        """.formatted(model);
    ChainConfig config = YamlConfig.parse(yaml, "chain.yaml", ChainConfig.class);
    List<DocumentStep> steps = FilterSteps.registry().build(config, "chain.yaml");
    assertThat(steps).extracting(DocumentStep::name).containsExactly("classifier_quality");
    FilterChain chain = new FilterChain(steps, config.mode());
    FilterChain.Outcome kept = chain.apply(doc("good\n\nwords"));
    assertThat(kept.kept()).isTrue();
    assertThat(kept.document().attrs()).containsKeys("quality", "quality.paragraph_mean",
        "quality.paragraph_min");
    assertThat(chain.apply(doc("bad")).dropReason()).isEqualTo("quality_below_min");

    String wrong = yaml.replace("name: quality", "name: Quality Score");
    assertThatThrownBy(() -> FilterSteps.registry().build(
        YamlConfig.parse(wrong, "chain.yaml", ChainConfig.class), "chain.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chain.yaml: steps[0].params.name: must be snake_case");
    String noModel = yaml.replace("model: " + model, "");
    assertThatThrownBy(() -> FilterSteps.registry().build(
        YamlConfig.parse(noModel, "chain.yaml", ChainConfig.class), "chain.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chain.yaml: steps[0].params.model: is required");
    String unknown = yaml.replace("per_paragraph: true", "per_paragrph: true");
    assertThatThrownBy(() -> FilterSteps.registry().build(
        YamlConfig.parse(unknown, "chain.yaml", ChainConfig.class), "chain.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("per_paragrph");
  }

  @Test
  void theShippedExampleChainNamesItsPlaceholderModel() {
    Path file = Path.of("..", "conf", "filters", "classifier.yaml");
    ChainConfig chain = YamlConfig.load(file, ChainConfig.class);
    assertThat(chain.steps()).extracting(ChainConfig.StepConfig::name)
        .containsExactly("language_id", "classifier");
    assertThatThrownBy(() -> FilterSteps.registry().build(chain, file.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("steps[1].params.model: no such model 'out/models/quality'");
  }
}
