package dev.quarry.filters.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * Which Lucene stop-word set serves which language code. Codes are ISO 639-3 as Apache OpenNLP's
 * langdetect model gives them (it says {@code ekk} for Estonian, {@code lvs} for Latvian,
 * {@code pes} for Persian, {@code nob}/{@code nno} for Norwegian), plus the macrolanguage codes
 * for the same sets. Stretches, on purpose: Malay ({@code msa}, {@code zsm}) uses the Indonesian
 * set and Croatian/Bosnian the Serbian one (whose set holds Latin and Cyrillic forms): their
 * function words are largely the same, and a stop-word rule only asks for a few of them.
 *
 * <p>Sets outside lucene-analysis-common: Polish (lucene-analysis-stempel), Japanese
 * (lucene-analysis-kuromoji) and Ukrainian (the word list shipped in lucene-analysis-morfologik,
 * read as a resource so that its dictionaries are not needed).
 */
final class StopWordSets {
  static final String UNDETERMINED = "und";

  record Entry(String name, Supplier<CharArraySet> set, Folding folding) {}

  private static final Map<String, Entry> BY_CODE = new HashMap<>();
  private static final List<Entry> ALL = new ArrayList<>();

  static {
    add("english", () -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, Folding.NONE, "eng");
    add("german", GermanAnalyzer::getDefaultStopSet, Folding.NONE, "deu", "gsw");
    add("french", FrenchAnalyzer::getDefaultStopSet, Folding.NONE, "fra");
    add("spanish", SpanishAnalyzer::getDefaultStopSet, Folding.NONE, "spa");
    add("italian", ItalianAnalyzer::getDefaultStopSet, Folding.NONE, "ita");
    add("portuguese", PortugueseAnalyzer::getDefaultStopSet, Folding.NONE, "por");
    add("dutch", DutchAnalyzer::getDefaultStopSet, Folding.NONE, "nld");
    add("danish", DanishAnalyzer::getDefaultStopSet, Folding.NONE, "dan");
    add("norwegian", NorwegianAnalyzer::getDefaultStopSet, Folding.NONE, "nob", "nno", "nor");
    add("swedish", SwedishAnalyzer::getDefaultStopSet, Folding.NONE, "swe");
    add("finnish", FinnishAnalyzer::getDefaultStopSet, Folding.NONE, "fin");
    add("hungarian", HungarianAnalyzer::getDefaultStopSet, Folding.NONE, "hun");
    add("turkish", TurkishAnalyzer::getDefaultStopSet, Folding.TURKISH, "tur");
    add("russian", RussianAnalyzer::getDefaultStopSet, Folding.NONE, "rus");
    add("ukrainian", StopWordSets::ukrainian, Folding.NONE, "ukr");
    add("bulgarian", BulgarianAnalyzer::getDefaultStopSet, Folding.NONE, "bul");
    add("czech", CzechAnalyzer::getDefaultStopSet, Folding.NONE, "ces");
    add("polish", PolishAnalyzer::getDefaultStopSet, Folding.NONE, "pol");
    add("greek", GreekAnalyzer::getDefaultStopSet, Folding.GREEK, "ell");
    add("catalan", CatalanAnalyzer::getDefaultStopSet, Folding.NONE, "cat");
    add("galician", GalicianAnalyzer::getDefaultStopSet, Folding.NONE, "glg");
    add("basque", BasqueAnalyzer::getDefaultStopSet, Folding.NONE, "eus");
    add("romanian", RomanianAnalyzer::getDefaultStopSet, Folding.NONE, "ron");
    add("irish", IrishAnalyzer::getDefaultStopSet, Folding.NONE, "gle");
    add("estonian", EstonianAnalyzer::getDefaultStopSet, Folding.NONE, "est", "ekk");
    add("latvian", LatvianAnalyzer::getDefaultStopSet, Folding.NONE, "lav", "lvs");
    add("lithuanian", LithuanianAnalyzer::getDefaultStopSet, Folding.NONE, "lit");
    add("serbian", SerbianAnalyzer::getDefaultStopSet, Folding.NONE, "srp", "hrv", "bos", "hbs");
    add("armenian", ArmenianAnalyzer::getDefaultStopSet, Folding.NONE, "hye");
    add("indonesian", IndonesianAnalyzer::getDefaultStopSet, Folding.NONE, "ind", "msa", "zsm");
    add("arabic", ArabicAnalyzer::getDefaultStopSet, Folding.NONE, "ara", "arb");
    add("persian", PersianAnalyzer::getDefaultStopSet, Folding.PERSIAN, "fas", "pes");
    add("sorani", SoraniAnalyzer::getDefaultStopSet, Folding.SORANI, "ckb");
    add("hindi", HindiAnalyzer::getDefaultStopSet, Folding.HINDI, "hin");
    add("bengali", BengaliAnalyzer::getDefaultStopSet, Folding.BENGALI, "ben");
    add("nepali", NepaliAnalyzer::getDefaultStopSet, Folding.INDIC, "nep", "npi");
    add("tamil", TamilAnalyzer::getDefaultStopSet, Folding.INDIC, "tam");
    add("telugu", TeluguAnalyzer::getDefaultStopSet, Folding.TELUGU, "tel");
    add("thai", ThaiAnalyzer::getDefaultStopSet, Folding.THAI, "tha");
    add("japanese", JapaneseAnalyzer::getDefaultStopSet, Folding.NONE, "jpn");
  }

  private StopWordSets() {}

  private static void add(String name, Supplier<CharArraySet> set, Folding folding,
      String... codes) {
    Entry entry = new Entry(name, set, folding);
    ALL.add(entry);
    for (String code : codes) {
      BY_CODE.put(code, entry);
    }
  }

  static Entry forCode(String code) {
    return BY_CODE.get(code);
  }

  static List<Entry> all() {
    return List.copyOf(ALL);
  }

  /** Every code that has a set. */
  static List<String> codes() {
    return BY_CODE.keySet().stream().sorted().toList();
  }

  private static CharArraySet ukrainian() {
    String resource = "org/apache/lucene/analysis/uk/stopwords.txt";
    try (InputStream in = StopWordSets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the Ukrainian stop words (" + resource
            + ", from lucene-analysis-morfologik) are not on the class path");
      }
      return WordlistLoader.getWordSet(new InputStreamReader(in, StandardCharsets.UTF_8), "#",
          new CharArraySet(512, false));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
