package dev.quarry.jobs.corpus;

import java.util.SplittableRandom;

/**
 * The running text of one page, paragraph by paragraph, repeating no word 5-gram: each sentence
 * is walked under the page's {@link NgramGuard}. A walk that comes to a word none of whose
 * successors is new is undone and started again from another sentence start, up to
 * {@value #RESTARTS} times; then it may go on from an unrelated word of the material
 * ({@link ProseSynthesizer.DeadEnd#JUMP}). A long page needs those jumps once it has used the
 * material's paths; measured, pages of up to 10,000 characters have next to none (Korean ones,
 * whose material branches least, up to 5,000), pages of 100,000 about one every 25 words
 * (Korean one every 6).
 *
 * <p>When {@value #ATTEMPTS} attempts in all fail, the page has said what the material can say
 * and is {@link #exhausted()}: the paragraph ends there and no more follow. Measured, Japanese
 * pages get there after 28,000–50,000 characters (their cap is 40,000) and a few Korean ones
 * after 37,000 or more, now and then a French or Portuguese one near 100,000. Only a page's first
 * sentence is then written without the guard, so that a page always has one.
 */
final class PageProse {
  /** Attempts at a sentence before the material counts as exhausted for this page. */
  static final int ATTEMPTS = 12;
  /** Attempts that start the sentence again rather than jump. */
  static final int RESTARTS = 6;

  private final ProseSynthesizer synthesizer;
  private final NgramGuard guard = new NgramGuard();
  private int sentences;
  private boolean exhausted;

  PageProse(ProseSynthesizer synthesizer) {
    this.synthesizer = synthesizer;
  }

  /**
   * A paragraph of about {@code targetChars} characters (whole sentences); shorter, or empty,
   * when the page is {@link #exhausted()}.
   */
  String paragraph(int targetChars, SplittableRandom rnd) {
    StringBuilder out = new StringBuilder(targetChars + 200);
    while (out.length() < targetChars && !exhausted) {
      sentence(out, rnd);
    }
    return out.toString();
  }

  /** Sentences written so far. */
  int sentences() {
    return sentences;
  }

  /** Whether the page's material ran out of 5-grams the page has not used. */
  boolean exhausted() {
    return exhausted;
  }

  private void sentence(StringBuilder out, SplittableRandom rnd) {
    int mark = out.length();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      separate(out);
      guard.begin();
      if (synthesizer.walk(out, rnd, guard,
          attempt < RESTARTS ? ProseSynthesizer.DeadEnd.GIVE_UP : ProseSynthesizer.DeadEnd.JUMP)) {
        guard.commit();
        sentences++;
        return;
      }
      guard.rollBack();
      out.setLength(mark);
    }
    exhausted = true;
    if (sentences == 0) {
      separate(out);
      guard.begin();
      synthesizer.walk(out, rnd, guard, ProseSynthesizer.DeadEnd.REPEAT);
      guard.commit();
      sentences++;
    }
  }

  private void separate(StringBuilder out) {
    if (out.length() > 0 && !synthesizer.byCharacter()) {
      out.append(' ');
    }
  }
}
