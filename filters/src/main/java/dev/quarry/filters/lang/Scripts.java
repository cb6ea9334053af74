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
      Map.entry("HAN", Set.of("cmn", "jpn")),
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

  /**
   * Letters a language hardly ever writes: Persian and Urdu letters in Arabic, Arabic yeh and kaf
   * in Persian and Urdu (which write their own forms, though some sites type Arabic ones).
   * A text that uses them (one letter in fifty, and at least one) weighs {@link #RARE_LETTERS}
   * less for the language: it decides short texts and leaves long ones to the model.
   */
  static final Map<String, String> RARELY_WRITTEN = Map.of(
      "ara", "پچژگٹڈڑںے", "pes", "يك", "fas", "يك", "urd", "يك", "pnb", "يك");
  static final double RARE_LETTERS = 0.1;

  /**
   * The letters beyond a–z that each of these Latin-script languages writes. A text using other
   * accented Latin letters (one in fifty letters, at least one) weighs {@link #RARE_LETTERS} less
   * for the language: {@code ü} is not Italian, {@code ứ} not English, {@code ø} not Swedish.
   * Languages not listed (Vietnamese, ...) are not judged by their letters.
   */
  static final Map<String, String> LATIN_LETTERS = Map.ofEntries(
      Map.entry("eng", ""), Map.entry("deu", "äöüß"), Map.entry("fra", "àâæçéèêëîïôœùûüÿ"),
      Map.entry("spa", "áéíñóúü"), Map.entry("por", "àáâãçéêíóôõú"),
      Map.entry("ita", "àèéìíîòóùú"), Map.entry("cat", "àçèéíïòóúüŀ"),
      Map.entry("nld", "áéëïóöüèê"), Map.entry("dan", "æøåéó"), Map.entry("nob", "æøåéèêóòô"),
      Map.entry("nno", "æøåéèêóòô"), Map.entry("swe", "åäöé"), Map.entry("fin", "äöåšž"),
      Map.entry("ekk", "äöõüšž"), Map.entry("est", "äöõüšž"), Map.entry("hun", "áéíóöőúüű"),
      Map.entry("pol", "ąćęłńóśźż"), Map.entry("ces", "áčďéěíňóřšťúůýž"),
      Map.entry("slk", "áäčďéíĺľňóôŕšťúýž"), Map.entry("slv", "čšž"),
      Map.entry("hrv", "čćđšž"), Map.entry("bos", "čćđšž"), Map.entry("ron", "ăâîșşțţ"),
      Map.entry("tur", "çğıöşüâîû"), Map.entry("lit", "ąčęėįšųūž"),
      Map.entry("lvs", "āčēģīķļņšūž"), Map.entry("lav", "āčēģīķļņšūž"),
      Map.entry("isl", "áðéíóúýþæö"), Map.entry("ind", "é"), Map.entry("msa", "é"),
      Map.entry("glg", "áéíñóúü"), Map.entry("eus", "ñ"), Map.entry("afr", "êëïôûéèáóú"),
      Map.entry("sqi", "çë"), Map.entry("aze", "çəğıöşü"), Map.entry("tgl", "ñ"),
      Map.entry("epo", "ĉĝĥĵŝŭ"), Map.entry("mlt", "ċġħżàèìòù"), Map.entry("cym", "âêîôûŵŷ"),
      Map.entry("gle", "áéíóú"), Map.entry("lat", "āēīōū"));

  private static final Set<String> NON_LATIN = LANGUAGES.values().stream()
      .flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Character.UnicodeScript[] ALL_SCRIPTS = Character.UnicodeScript.values();

  private Scripts() {}

  /**
   * The letters of a (lower-cased) text beyond ASCII, counted once per text so that every
   * candidate language can be judged by them cheaply.
   */
  static final class Letters {
    private final int letters;
    private final StringBuilder distinct = new StringBuilder();
    private int[] counts = new int[8];

    Letters(String lowerText) {
      int total = 0;
      for (int i = 0; i < lowerText.length(); i++) {
        char c = lowerText.charAt(i);
        if (!Character.isLetter(c)) {
          continue;
        }
        total++;
        if (c > 0x7F) {
          int at = indexOf(c);
          if (at < 0) {
            at = distinct.length();
            distinct.append(c);
            if (at == counts.length) {
              counts = java.util.Arrays.copyOf(counts, at * 2);
            }
          }
          counts[at]++;
        }
      }
      this.letters = total;
    }

    /** Where {@code c} is among the distinct letters counted so far, or -1. */
    private int indexOf(char c) {
      for (int i = 0; i < distinct.length(); i++) {
        if (distinct.charAt(i) == c) {
          return i;
        }
      }
      return -1;
    }

    /** Whether {@code lang} is ruled out because the text has none of its own letters. */
    boolean lackRequiredLettersOf(String lang) {
      String required = REQUIRED_LETTERS.get(lang);
      if (required == null) {
        return false;
      }
      for (int i = 0; i < distinct.length(); i++) {
        if (required.indexOf(distinct.charAt(i)) >= 0) {
          return false;
        }
      }
      return true;
    }

    /** The weight factor for {@code lang} given the letters it rarely writes (1 if none). */
    double rareLetterFactor(String lang) {
      String rare = RARELY_WRITTEN.get(lang);
      String latin = LATIN_LETTERS.get(lang);
      if (rare == null && latin == null) {
        return 1;
      }
      int found = 0;
      for (int i = 0; i < distinct.length(); i++) {
        char c = distinct.charAt(i);
        if (rare != null ? rare.indexOf(c) >= 0 : latin.indexOf(c) < 0
            && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          found += counts[i];
        }
      }
      return found > 0 && found * 50 >= letters ? RARE_LETTERS : 1;
    }
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
