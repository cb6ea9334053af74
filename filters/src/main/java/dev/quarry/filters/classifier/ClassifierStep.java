package dev.quarry.filters.classifier;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.quarry.core.Document;
import dev.quarry.core.config.Check;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.NullMeansOff;
import dev.quarry.filters.StepFiles;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.Verdict;
import dev.quarry.filters.text.Paragraphs;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code classifier}: scores a document's text with a {@link LinearModel} that
 * {@code quarry classifier train} wrote, puts P(positive) in {@code attrs[name]}, and drops the
 * document below {@code min_score} ({@code <name>_below_min}) or above {@code max_score}
 * ({@code <name>_above_max}), both off unless set. With {@code per_paragraph}, each paragraph
 * (see {@link Paragraphs}) that has an n-gram is scored too, and their mean and minimum go to
 * {@code attrs[name.paragraph_mean]} and {@code attrs[name.paragraph_min]} (not set when no
 * paragraph has one); the thresholds stay on the whole text's score.
 *
 * <p>A model is read once per JVM and path (a static cache, never emptied: a model changed
 * while a JVM runs is not read again) and shared by every step built with that path; each step
 * has its own {@link NgramFeatures} (a step is used by one thread at a time).
 */
public final class ClassifierStep implements DocumentStep {
  public static final String NAME = "classifier";
  /** The file of a model directory that holds the weights. */
  public static final String MODEL_FILE = "model.bin";
  public static final String BELOW_MIN = "_below_min";
  public static final String ABOVE_MAX = "_above_max";
  public static final String PARAGRAPH_MEAN = ".paragraph_mean";
  public static final String PARAGRAPH_MIN = ".paragraph_min";

  /** What a name must be for {@code <name>_below_min} to be a drop reason. */
  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Map<String, LinearModel> MODELS = new ConcurrentHashMap<>();

  /**
   * Parameters: {@code model} and {@code name} are required; the thresholds are off when absent
   * (or {@code null}); {@code per_paragraph} is false when absent.
   */
  public record Params(String model, String name, Threshold minScore, Threshold maxScore,
      @JsonDeserialize(using = NullMeansOff.class) Boolean perParagraph)
      implements YamlConfig.Validated {
    public Params {
      minScore = minScore == null ? Threshold.OFF : minScore;
      maxScore = maxScore == null ? Threshold.OFF : maxScore;
      perParagraph = perParagraph != null && perParagraph;
    }

    /** The model at {@code model}, attrs named {@code name}, no threshold, whole texts only. */
    public static Params of(String model, String name) {
      return new Params(model, name, null, null, null);
    }

    @Override
    public void validate() {
      Check.notBlank(model, "model");
      Check.notBlank(name, "name");
      Check.that(SNAKE_CASE.matcher(name).matches(), "name", "must be snake_case (lower-case"
          + " letters and digits, words joined by single underscores, starting with a letter,"
          + " e.g. quality) since it names the attrs and the drop reasons " + name + BELOW_MIN
          + " and " + name + ABOVE_MAX + " (got '" + name + "')");
      minScore.requireBetween(0, 1, "min_score");
      maxScore.requireBetween(0, 1, "max_score");
      Check.that(!minScore.on() || !maxScore.on() || minScore.value() <= maxScore.value(),
          "max_score", "must not be below min_score (" + maxScore + " < " + minScore
              + ": every document would be dropped)");
    }
  }

  private final Params params;
  private final LinearModel model;
  private final NgramFeatures features;
  private final String belowMin;
  private final String aboveMax;
  private final String paragraphMean;
  private final String paragraphMin;

  public ClassifierStep(Params params) {
    params.validate(); // also when built without the config reader (tests, code)
    this.params = params;
    this.model = load(params.model());
    this.features = new NgramFeatures(model.spec());
    this.belowMin = params.name() + BELOW_MIN;
    this.aboveMax = params.name() + ABOVE_MAX;
    this.paragraphMean = params.name() + PARAGRAPH_MEAN;
    this.paragraphMin = params.name() + PARAGRAPH_MIN;
  }

  @Override
  public String name() {
    // Per classifier, so a quality and a toxicity step keep their own counters and verdict tags.
    return NAME + "_" + params.name();
  }

  /** The model, shared by every step built with the same {@code model} path in this JVM. */
  LinearModel model() {
    return model;
  }

  @Override
  public Verdict apply(Document document) {
    String text = document.text() == null ? "" : document.text();
    double score = model.probability(text, features);
    Map<String, Double> attrs;
    if (params.perParagraph()) {
      attrs = new HashMap<>(4);
      attrs.put(params.name(), score);
      scoreParagraphs(text, attrs);
    } else {
      attrs = Map.of(params.name(), score);
    }
    Document annotated = document.withAttrs(attrs);
    if (params.minScore().notReachedBy(score)) {
      return Verdict.drop(annotated, belowMin);
    }
    if (params.maxScore().exceededBy(score)) {
      return Verdict.drop(annotated, aboveMax);
    }
    return Verdict.keep(annotated);
  }

  /** The mean and minimum P(positive) of the paragraphs that have an n-gram, into attrs. */
  private void scoreParagraphs(String text, Map<String, Double> attrs) {
    int scored = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    for (String paragraph : Paragraphs.split(text)) {
      int ngrams = features.hashes(paragraph);
      if (ngrams == 0) {
        continue; // nothing for the model to read: its intercept is no score of the paragraph
      }
      double p = LinearModel.sigmoid(model.margin(features, ngrams));
      scored++;
      sum += p;
      min = Math.min(min, p);
    }
    if (scored > 0) {
      attrs.put(paragraphMean, sum / scored);
      attrs.put(paragraphMin, min);
    }
  }

  /** The model at {@code path}, read once per JVM. */
  static LinearModel load(String path) {
    return MODELS.computeIfAbsent(path, ClassifierStep::read);
  }

  private static LinearModel read(String path) {
    String file;
    try {
      file = modelFile(path);
    } catch (IOException e) {
      throw new ConfigException("model", "cannot read '" + path + "': " + e.getMessage());
    }
    try (InputStream in = StepFiles.open(file, "model", "model")) {
      return LinearModel.read(in, file);
    } catch (ConfigException e) {
      throw new ConfigException("model", e.problem() + ": give the directory that quarry"
          + " classifier train wrote (it holds " + MODEL_FILE + ") or its " + MODEL_FILE);
    } catch (IOException e) {
      throw new ConfigException("model", "cannot read model '" + file + "': " + e.getMessage());
    }
  }

  /**
   * {@code path}'s {@code model.bin} when {@code path} is a directory (for {@code classpath:},
   * when {@code path/model.bin} is a resource), else {@code path} itself.
   */
  static String modelFile(String path) throws IOException {
    String inside = path.replaceFirst("/+$", "") + "/" + MODEL_FILE;
    boolean directory = path.startsWith(StepFiles.CLASSPATH) ? StepFiles.resourceExists(inside)
        : StepFiles.isDirectory(path, "model", "model");
    return directory ? inside : path;
  }
}
