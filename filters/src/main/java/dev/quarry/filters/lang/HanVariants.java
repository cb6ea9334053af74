package dev.quarry.filters.lang;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.BitSet;

/**
 * Which written standard a text in Han characters (without kana) can belong to, read off the
 * national character sets: simplified Chinese is written within GB 2312, Japanese within JIS X
 * 0208, traditional Chinese within Big5. A kanji-only Japanese heading such as 営業時間 uses forms
 * no Chinese standard has (営), and one such as 天気予報 or 利用規約 uses forms simplified Chinese
 * never writes (報, 約): the statistical model, which has seen Japanese mostly with kana, calls
 * both Chinese.
 *
 * <p>Evidence is counted, not taken from a single character, so that a rare character in a long
 * text does not rule a language out: a standard is ruled out when at least one Han character in
 * fifty (and at least one) lies outside it.
 */
final class HanVariants {
  private static final int FIRST = 0x4E00;
  private static final int LAST = 0x9FFF;
  private static final BitSet GB2312 = charsetMembers("GB2312");
  private static final BitSet JIS_X_0208 = charsetMembers("Shift_JIS");
  private static final BitSet BIG5 = charsetMembers("Big5");

  /** What the characters allow: each flag says whether that standard can have written the text. */
  record Reading(boolean simplifiedChinese, boolean traditionalChinese, boolean japanese) {
    /** Whether the text is Chinese of either standard. */
    boolean chinese() {
      return simplifiedChinese || traditionalChinese;
    }
  }

  private HanVariants() {}

  /** The standards {@code text}'s unified Han characters fit in. */
  static Reading read(CharSequence text) {
    int han = 0;
    int outsideGb = 0;
    int outsideJis = 0;
    int outsideBig5 = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < FIRST || c > LAST) {
        continue;
      }
      han++;
      int at = c - FIRST;
      outsideGb += GB2312.get(at) ? 0 : 1;
      outsideJis += JIS_X_0208.get(at) ? 0 : 1;
      outsideBig5 += BIG5.get(at) ? 0 : 1;
    }
    return new Reading(fits(outsideGb, han), fits(outsideBig5, han), fits(outsideJis, han));
  }

  private static boolean fits(int outside, int han) {
    return outside == 0 || outside * 50 < han;
  }

  private static BitSet charsetMembers(String name) {
    CharsetEncoder encoder = Charset.forName(name).newEncoder();
    BitSet members = new BitSet(LAST - FIRST + 1);
    for (int c = FIRST; c <= LAST; c++) {
      if (encoder.canEncode((char) c)) {
        members.set(c - FIRST);
      }
    }
    return members;
  }
}
