package dev.quarry.filters.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's 103-language detector model ({@code langdetect-183.bin} from the
 * {@code opennlp-models-langdetect} artifact), loaded once per JVM — once per executor — on
 * first use. The model is immutable and shared; each thread gets its own detector over it.
 */
final class LanguageModel {
  static final String RESOURCE = "/langdetect-183.bin";

  private static volatile LanguageDetectorModel model;
  private static final ThreadLocal<LanguageDetectorME> DETECTOR =
      ThreadLocal.withInitial(() -> new LanguageDetectorME(model()));

  private LanguageModel() {}

  static LanguageDetectorME detector() {
    return DETECTOR.get();
  }

  /** The same model evaluated by {@link FastLanguageModel}, built on first use. */
  static FastLanguageModel fast() {
    return FastHolder.FAST;
  }

  static LanguageDetectorModel model() {
    LanguageDetectorModel m = model;
    if (m == null) {
      synchronized (LanguageModel.class) {
        m = model;
        if (m == null) {
          try (InputStream in = LanguageModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("the language model " + RESOURCE + " is not on "
                  + "the classpath (artifact org.apache.opennlp:opennlp-models-langdetect)");
            }
            m = new LanguageDetectorModel(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language model " + RESOURCE, e);
          }
          model = m;
        }
      }
    }
    return m;
  }

  private static final class FastHolder {
    static final FastLanguageModel FAST = new FastLanguageModel(model());
  }
}
