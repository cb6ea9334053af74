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
 *   <li><b>Sample.</b> A text longer than {@link #SAMPLE_CHARS} is classified on two short
 *       windows (a third and two thirds in, cut at spaces); only when that answer is unsure or
 *       falls in a confusable group is a larger sample ({@link #SECOND_SAMPLE_CHARS}) classified.
 *       The cost per document is bounded, and headers or footers do not decide alone.
 *   <li><b>Script.</b> The dominant script restricts the candidates: Hangul → Korean, Han with
 *       kana → Japanese, Han → Chinese, Cyrillic → the Cyrillic languages, and so on. Scores are
 *       renormalised over the allowed languages.
 *   <li><b>Letters.</b> Han text is read against the Chinese and Japanese national character
 *       sets ({@link HanVariants}): kanji-only Japanese headings are no longer Chinese. A
 *       language weighs less when the text uses letters it does not write ({@code ü} in
 *       Italian, Persian letters in Arabic) and is ruled out when the text lacks letters it
 *       cannot do without.
 *   <li><b>Prior and function words.</b> The model assumes every language equally likely; the
 *       scores are multiplied by a tempered prior from the languages' shares of the web
 *       ({@link LanguagePrior}), and a short text's stop words count for their languages
 *       ({@link ShortTextEvidence}). Both matter only where the text leaves the model unsure.
 *   <li><b>Confusable groups</b> ({@link ConfusableGroups}): within Russian/Ukrainian/
 *       Belarusian/Bulgarian/Serbian/Macedonian, Czech/Slovak, Danish/Bokmål/Nynorsk,
 *       Malay/Indonesian, Croatian/Bosnian/Serbian and Catalan/Spanish, a member that the
 *       letters and marker words clearly favour wins, with the group's whole probability.
 * </ol>
 */
public final class LanguageIdentifier {
  /** The first sample: enough for a clear case, and cheap (the model's cost jumps past ~250). */
  static final int SAMPLE_CHARS = 240;
  /** The second sample, for unsure answers and confusable groups. */
  static final int SECOND_SAMPLE_CHARS = 1200;
  /** A first answer at least this sure, outside the confusable groups, is final. */
  static final double CONFIDENT = 0.999;
  /** Points by which a group member must lead for a short sample's answer to stand. */
  static final int SETTLED_MARGIN = 2;
  /**
   * The model's confidences are far too flat to compare with a threshold (an English sentence
   * scores 0.06, its runner-up 0.02). Raising them to this power and renormalising (temperature
   * scaling) makes them calibrated: it maximises the likelihood of the right language on the
   * team's test set, and then the mean top score of a length class matches its accuracy.
   */
  static final double CALIBRATION_EXPONENT = 20;
  /**
   * How strongly the prior counts ({@link LanguagePrior}): the web shares are raised to this
   * power, which tempers them (a share 100 times larger weighs 10 times more).
   */
  static final double PRIOR_EXPONENT = 0.5;

  private final LanguagePrior prior;

  /** With the web prior ({@link LanguagePrior#web()}). */
  public LanguageIdentifier() {
    this(LanguagePrior.web());
  }

  LanguageIdentifier(LanguagePrior prior) {
    this.prior = prior;
  }

  /** A language and its probability. */
  public record Candidate(String lang, double score) {}

  /**
   * The best language, its probability, and the runners-up; {@code settled} is false when the
   * language is in a confusable group and letters and marker words did not clearly decide it.
   */
  public record Identification(String lang, double score, List<Candidate> runnersUp,
      boolean settled) {
    Identification(String lang, double score, List<Candidate> runnersUp) {
      this(lang, score, runnersUp, true);
    }
  }

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
    text = withoutSupplementaryPrivateUse(text);
    Identification quick = identifySample(sample(text, SAMPLE_CHARS));
    if (text.length() <= SAMPLE_CHARS || quick.score() >= CONFIDENT && quick.settled()) {
      return quick;
    }
    return identifySample(sample(text, SECOND_SAMPLE_CHARS));
  }

  private Identification identifySample(String sample) {
    Scripts.Dominant script = Scripts.dominant(sample);
    Set<String> allowed = script == null ? null : Scripts.languagesOf(script.script());
    boolean latin = script != null && script.script().equals("LATIN");
    HanVariants.Reading han = script != null && script.script().equals("HAN")
        ? HanVariants.read(sample) : null;
    FastLanguageModel model = LanguageModel.fast();
    String[] langs = model.outcomes();
    double[] probabilities = model.probabilities(sample);
    double max = 0;
    for (double p : probabilities) {
      max = Math.max(max, p);
    }
    String lower = sample.toLowerCase(java.util.Locale.ROOT);
    ShortTextEvidence evidence = ShortTextEvidence.of(lower);
    Scripts.Letters letters = new Scripts.Letters(lower);
    List<Candidate> ranked = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < langs.length; i++) {
      String lang = langs[i];
      boolean ok = (allowed != null ? allowed.contains(lang) : !latin || !Scripts.nonLatin(lang))
          && !letters.lackRequiredLettersOf(lang)
          && (han == null || (lang.equals("jpn") ? han.japanese() : han.chinese()));
      if (ok && max > 0) {
        double weight = han != null && lang.equals("cmn") && !han.simplifiedChinese()
            ? prior.ofTraditionalChinese() : prior.of(lang);
        double calibrated = Math.pow(probabilities[i] / max, CALIBRATION_EXPONENT)
            * Math.pow(weight, PRIOR_EXPONENT) * evidence.factor(lang)
            * letters.rareLetterFactor(lang);
        ranked.add(new Candidate(lang, calibrated));
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
    boolean settled = true;
    if (group != null) {
      ConfusableGroups.Decision decision = ConfusableGroups.decide(group, lower, allowed,
          normalised.stream().map(Candidate::lang).toList());
      settled = decision != null && decision.margin() >= SETTLED_MARGIN;
      String decided = decision == null ? null : decision.lang();
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
        List.copyOf(normalised.subList(1, Math.min(3, normalised.size()))), settled);
  }

  /**
   * {@code text} with private-use characters beyond the BMP (planes 15 and 16) made spaces: they
   * say nothing about the language, and OpenNLP's repeat-shrinking regex (so also
   * {@link FastLanguageModel}, which reproduces it) throws on a repeated one at the end of a text.
   */
  static String withoutSupplementaryPrivateUse(String text) {
    int i = 0;
    while (i < text.length() && !Character.isHighSurrogate(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int k = 0; k < text.length(); ) {
      int cp = text.codePointAt(k);
      int next = k + Character.charCount(cp);
      if (cp >= 0xF0000 && Character.getType(cp) == Character.PRIVATE_USE) {
        out.append(' ');
      } else {
        out.append(text, k, next);
      }
      k = next;
    }
    return out.toString();
  }

  /**
   * The whole text when short, else two windows of {@code chars / 2} (a third and two thirds
   * in), cut at spaces.
   */
  static String sample(String text, int chars) {
    if (text.length() <= chars) {
      return text;
    }
    int window = chars / 2;
    StringBuilder sb = new StringBuilder(chars + 8);
    for (double at : new double[] {1 / 3.0, 2 / 3.0}) {
      int start = Math.min(text.length() - window, (int) (text.length() * at));
      int space = text.indexOf(' ', start);
      if (space >= 0 && space - start < window / 4) {
        start = space + 1;
      }
      int end = Math.min(text.length(), start + window);
      int lastSpace = text.lastIndexOf(' ', end);
      if (lastSpace > start + window / 2) {
        end = lastSpace;
      }
      sb.append(text, start, end).append(' ');
    }
    return sb.toString();
  }
}
