package dev.quarry.filters.lang;

import java.util.Map;
import java.util.Set;

/**
 * The writing system of a text, and the languages of the detector's model that are written in
 * it. Most scripts narrow the choice to one language (Hangul, Thai, Greek…) or a handful
 * (Cyrillic, Arabic, Devanagari); Latin leaves the rest. Han with a few per cent of kana is
 * Japanese, Han alone Chinese.
 */
final class Scripts {
  /** A script family the text is mostly written in, and its share of the text's letters. */
  record Dominant(String script, double share) {}

  static final Map<String, Set<String>> LANGUAGES = Map.ofEntries(
      Map.entry("HANGUL", Set.of("kor")),
      Map.entry("JAPANESE", Set.of("jpn")),
      Map.entry("HAN", Set.of("cmn")),
      Map.entry("THAI", Set.of("tha")),
      Map.entry("GREEK", Set.of("ell")),
      Map.entry("HEBREW", Set.of("heb")),
      Map.entry("ARMENIAN", Set.of("hye")),
      Map.entry("GEORGIAN", Set.of("kat")),
      Map.entry("BENGALI", Set.of("ben")),
      Map.entry("GUJARATI", Set.of("guj")),
      Map.entry("GURMUKHI", Set.of("pan")),
      Map.entry("KANNADA", Set.of("kan")),
      Map.entry("MALAYALAM", Set.of("mal")),
      Map.entry("TAMIL", Set.of("tam")),
      Map.entry("TELUGU", Set.of("tel")),
      Map.entry("SINHALA", Set.of("sin")),
      Map.entry("DEVANAGARI", Set.of("hin", "mar", "nep", "san")),
      Map.entry("ARABIC", Set.of("ara", "fas", "pes", "pnb", "pus", "urd")),
      Map.entry("CYRILLIC", Set.of("bak", "bel", "bul", "che", "kaz", "kir", "mkd", "mon",
          "rus", "srp", "tat", "tgk", "ukr")));

  /**
   * Languages that cannot be written without some letters of their own: a text of some length
   * with none of them is not in that language (the model otherwise gives short Russian text to
   * Chechen or Kyrgyz).
   */
  static final Map<String, String> REQUIRED_LETTERS = Map.of(
      "che", "ӏ", "kaz", "әғқңөұүһі", "kir", "ңөү", "tat", "әөүҗңһ", "bak", "әөүғҡңҙҫһ",
      "tgk", "ғӣқӯҳҷ", "mon", "өү");

  private static final Set<String> NON_LATIN = LANGUAGES.values().stream()
      .flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Character.UnicodeScript[] ALL_SCRIPTS = Character.UnicodeScript.values();

  private Scripts() {}

  /** Whether {@code lang} is ruled out because the text has none of its own letters. */
  static boolean lacksRequiredLetters(String lang, String lowerText) {
    String required = REQUIRED_LETTERS.get(lang);
    if (required == null) {
      return false;
    }
    for (int i = 0; i < lowerText.length(); i++) {
      if (required.indexOf(lowerText.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The dominant script of the letters in {@code text}, or null when it has no letters. */
  static Dominant dominant(CharSequence text) {
    int[] counts = new int[ALL_SCRIPTS.length];
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        counts[Character.UnicodeScript.of(cp).ordinal()]++;
        letters++;
      }
    }
    if (letters == 0) {
      return null;
    }
    int han = counts[Character.UnicodeScript.HAN.ordinal()];
    int kana = counts[Character.UnicodeScript.HIRAGANA.ordinal()]
        + counts[Character.UnicodeScript.KATAKANA.ordinal()];
    if (han + kana > letters / 2) {
      boolean japanese = kana > 0 && kana * 20 >= han + kana;
      return new Dominant(japanese ? "JAPANESE" : "HAN", (double) (han + kana) / letters);
    }
    int best = 0;
    for (int s = 1; s < counts.length; s++) {
      if (counts[s] > counts[best]) {
        best = s;
      }
    }
    return new Dominant(ALL_SCRIPTS[best].name(),
        (double) counts[best] / letters);
  }

  /**
   * The languages written in {@code script}, or null for Latin and anything the map does not
   * know (meaning: every language not written in another script).
   */
  static Set<String> languagesOf(String script) {
    return LANGUAGES.get(script);
  }

  /** Whether {@code lang} is written in one of the non-Latin scripts above. */
  static boolean nonLatin(String lang) {
    return NON_LATIN.contains(lang);
  }
}
