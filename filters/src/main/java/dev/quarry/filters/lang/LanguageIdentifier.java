package dev.quarry.filters.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import opennlp.tools.langdetect.Language;

/**
 * Identifies the language of a text: OpenNLP's model, narrowed by the text's script, with a
 * decision by letters and marker words inside the groups the model confuses, over a bounded
 * sample of long texts.
 *
 * <ol>
 *   <li><b>Calibrate.</b> Scores are temperature-scaled ({@link #CALIBRATION_EXPONENT}).
 *   <li><b>Sample.</b> A text longer than {@link #SAMPLE_CHARS} is classified on three windows
 *       (from a tenth, the middle and four fifths in), cut at spaces, so the cost per document
 *       is bounded and headers or footers do not decide alone.
 *   <li><b>Script.</b> The dominant script restricts the candidates: Hangul → Korean, Han with
 *       kana → Japanese, Han → Chinese, Cyrillic → the Cyrillic languages, and so on. Scores are
 *       renormalised over the allowed languages.
 *   <li><b>Confusable groups</b> ({@link ConfusableGroups}): within Russian/Ukrainian/
 *       Belarusian/Bulgarian/Serbian/Macedonian, Czech/Slovak, Danish/Bokmål/Nynorsk,
 *       Malay/Indonesian, Croatian/Bosnian/Serbian and Catalan/Spanish, a member that the
 *       letters and marker words clearly favour wins, with the group's whole probability.
 * </ol>
 */
public final class LanguageIdentifier {
  static final int SAMPLE_CHARS = 1500;
  /**
   * The model's confidences are far too flat to compare with a threshold (an English sentence
   * scores 0.06, its runner-up 0.02). Raising them to this power and renormalising (temperature
   * scaling) makes them calibrated: it maximises the likelihood of the right language on the
   * team's test set, and then the mean top score of a length class matches its accuracy.
   */
  static final double CALIBRATION_EXPONENT = 20;
  private static final int WINDOW = 500;

  /** A language and its probability. */
  public record Candidate(String lang, double score) {}

  /** The best language, its probability, and the runners-up. */
  public record Identification(String lang, double score, List<Candidate> runnersUp) {}

  /** The model alone over the whole text, for comparison. */
  public Identification raw(String text) {
    Language[] all = LanguageModel.detector().predictLanguages(text);
    List<Candidate> ranked = new ArrayList<>();
    for (Language l : all) {
      ranked.add(new Candidate(l.getLang(), l.getConfidence()));
    }
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return new Identification(ranked.get(0).lang(), ranked.get(0).score(),
        ranked.subList(1, Math.min(3, ranked.size())));
  }

  public Identification identify(String text) {
    String sample = sample(text);
    Scripts.Dominant script = Scripts.dominant(sample);
    Set<String> allowed = script == null ? null : Scripts.languagesOf(script.script());
    boolean latin = script != null && script.script().equals("LATIN");
    Language[] all = LanguageModel.detector().predictLanguages(sample);
    double max = 0;
    for (Language l : all) {
      max = Math.max(max, l.getConfidence());
    }
    String lower = sample.toLowerCase(java.util.Locale.ROOT);
    List<Candidate> ranked = new ArrayList<>();
    double total = 0;
    for (Language l : all) {
      boolean ok = (allowed != null ? allowed.contains(l.getLang())
          : !latin || !Scripts.nonLatin(l.getLang()))
          && !Scripts.lacksRequiredLetters(l.getLang(), lower);
      if (ok && max > 0) {
        double calibrated = Math.pow(l.getConfidence() / max, CALIBRATION_EXPONENT);
        ranked.add(new Candidate(l.getLang(), calibrated));
        total += calibrated;
      }
    }
    if (ranked.isEmpty() || total <= 0) {
      return raw(sample);
    }
    List<Candidate> normalised = new ArrayList<>(ranked.size());
    for (Candidate c : ranked) {
      normalised.add(new Candidate(c.lang(), c.score() / total));
    }
    normalised.sort(Comparator.comparingDouble(Candidate::score).reversed());
    Candidate top = normalised.get(0);
    boolean cyrillic = script != null && script.script().equals("CYRILLIC");
    List<ConfusableGroups.Member> group = ConfusableGroups.groupOf(top.lang(), cyrillic);
    if (group != null) {
      String decided = ConfusableGroups.decide(group, sample, allowed,
          normalised.stream().map(Candidate::lang).toList());
      if (decided != null && !decided.equals(top.lang())) {
        double groupMass = 0;
        for (Candidate c : normalised) {
          for (ConfusableGroups.Member m : group) {
            if (m.lang().equals(c.lang())) {
              groupMass += c.score();
            }
          }
        }
        List<Candidate> reordered = new ArrayList<>();
        reordered.add(new Candidate(decided, groupMass));
        for (Candidate c : normalised) {
          if (!c.lang().equals(decided)) {
            reordered.add(c);
          }
        }
        normalised = reordered;
        top = normalised.get(0);
      }
    }
    return new Identification(top.lang(), top.score(),
        List.copyOf(normalised.subList(1, Math.min(3, normalised.size()))));
  }

  /** The whole text when short, else three windows of it cut at spaces. */
  static String sample(String text) {
    if (text.length() <= SAMPLE_CHARS) {
      return text;
    }
    StringBuilder sb = new StringBuilder(SAMPLE_CHARS + 8);
    for (double at : new double[] {0.1, 0.5, 0.8}) {
      int start = Math.min(text.length() - WINDOW, (int) (text.length() * at));
      int space = text.indexOf(' ', start);
      if (space >= 0 && space - start < 50) {
        start = space + 1;
      }
      int end = Math.min(text.length(), start + WINDOW);
      int lastSpace = text.lastIndexOf(' ', end);
      if (lastSpace > start + WINDOW / 2) {
        end = lastSpace;
      }
      sb.append(text, start, end).append(' ');
    }
    return sb.toString();
  }
}
