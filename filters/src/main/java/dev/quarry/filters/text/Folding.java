package dev.quarry.filters.text;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.bn.BengaliNormalizer;
import org.apache.lucene.analysis.ckb.SoraniNormalizer;
import org.apache.lucene.analysis.fa.PersianNormalizer;
import org.apache.lucene.analysis.hi.HindiNormalizer;
import org.apache.lucene.analysis.in.IndicNormalizer;
import org.apache.lucene.analysis.te.TeluguNormalizer;

/**
 * What a Lucene analyzer does to a token besides lower-casing before its stop filter, so that
 * stop words are looked up in the form the set holds. Works in place on a buffer and returns the
 * new length. Lucene's normalizers hold no state, so one instance serves every thread.
 */
interface Folding {
  Folding NONE = new Folding() {};

  default int beforeLowerCase(char[] buffer, int length) {
    return length;
  }

  default int afterLowerCase(char[] buffer, int length) {
    return length;
  }

  /** GreekLowerCaseFilter: no accents or diaeresis, final sigma as sigma. */
  Folding GREEK = new Folding() {
    @Override
    public int afterLowerCase(char[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        buffer[i] = switch (buffer[i]) {
          case 'ά' -> 'α';
          case 'έ' -> 'ε';
          case 'ή' -> 'η';
          case 'ί', 'ϊ', 'ΐ' -> 'ι';
          case 'ό' -> 'ο';
          case 'ύ', 'ϋ', 'ΰ' -> 'υ';
          case 'ώ' -> 'ω';
          case 'ς' -> 'σ';
          default -> buffer[i];
        };
      }
      return length;
    }
  };

  /** ApostropheFilter and TurkishLowerCaseFilter: "Türkiye'de" is "türkiye"; I is ı, İ is i. */
  Folding TURKISH = new Folding() {
    @Override
    public int beforeLowerCase(char[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        if (buffer[i] == '\'' || buffer[i] == '\u2019') {
          length = i;
          break;
        }
        if (buffer[i] == 'I') {
          buffer[i] = 'ı';
        } else if (buffer[i] == 'İ') {
          buffer[i] = 'i';
        }
      }
      return length;
    }
  };

  /**
   * Thai sara am as the set writes it, nikhahit + sara aa (its compatibility decomposition):
   * "สำหรับ" matches "สําหรับ". The buffer has room for the longer form (see StopWords).
   */
  Folding THAI = new Folding() {
    @Override
    public int afterLowerCase(char[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        if (buffer[i] == '\u0E33') {
          System.arraycopy(buffer, i + 1, buffer, i + 2, length - i - 1);
          buffer[i] = '\u0E4D';
          buffer[i + 1] = '\u0E32';
          length++;
        }
      }
      return length;
    }
  };

  Folding PERSIAN = new Folding() {
    private final ArabicNormalizer arabic = new ArabicNormalizer();
    private final PersianNormalizer persian = new PersianNormalizer();

    @Override
    public int afterLowerCase(char[] buffer, int length) {
      return persian.normalize(buffer, arabic.normalize(buffer, length));
    }
  };

  Folding INDIC = indic(null);
  Folding HINDI = indic(new HindiNormalizer()::normalize);
  Folding BENGALI = indic(new BengaliNormalizer()::normalize);
  Folding TELUGU = indic(new TeluguNormalizer()::normalize);

  Folding SORANI = new Folding() {
    private final SoraniNormalizer sorani = new SoraniNormalizer();

    @Override
    public int beforeLowerCase(char[] buffer, int length) {
      return sorani.normalize(buffer, length);
    }
  };

  /** A language normaliser of the char[]-in-place kind Lucene's Indic ones have. */
  interface InPlace {
    int normalize(char[] buffer, int length);
  }

  private static Folding indic(InPlace language) {
    IndicNormalizer indic = new IndicNormalizer();
    return new Folding() {
      @Override
      public int afterLowerCase(char[] buffer, int length) {
        int normal = indic.normalize(buffer, length);
        return language == null ? normal : language.normalize(buffer, normal);
      }
    };
  }
}
