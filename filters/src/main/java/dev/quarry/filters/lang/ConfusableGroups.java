package dev.quarry.filters.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decisions within the groups of languages the statistical model confuses most: the letters
 * only one member uses, and the everyday words in which the members differ. When the model's top
 * language is in a group, each member scores one point per occurrence of its own letters and
 * per distinct marker word in the text; a member that scores more than every other member wins,
 * otherwise the model's order stands.
 */
final class ConfusableGroups {
  /**
   * One member of a group: the letters only it uses, its marker words, and (where the members'
   * alphabets differ) its whole alphabet: a text with letters outside it is not this language.
   */
  record Member(String lang, String letters, Set<String> words, String alphabet) {
    Member(String lang, String letters, Set<String> words) {
      this(lang, letters, words, null);
    }
  }

  static final List<List<Member>> GROUPS = List.of(
      List.of(
          new Member("rus", "", Set.of("что", "это", "как", "его", "или", "был", "если",
              "только", "также", "где", "когда", "очень", "сегодня", "можно", "нет"),
              "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
          new Member("ukr", "іїєґ", Set.of("що", "це", "як", "або", "був", "якщо", "тільки",
              "також", "де", "коли", "дуже", "сьогодні", "можна", "немає", "та", "від"),
              "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"),
          new Member("bel", "ўі", Set.of("што", "гэта", "як", "або", "быў", "калі", "толькі",
              "таксама", "дзе", "вельмі", "сёння", "можна", "няма", "і", "ад"),
              "абвгдеёжзійклмнопрстуўфхцчшыьэюя"),
          new Member("bul", "", Set.of("какво", "това", "като", "или", "беше", "ако", "само",
              "също", "къде", "когато", "много", "днес", "може", "няма", "са", "от", "във",
              "със", "най", "ще"), "абвгдежзийклмнопрстуфхцчшщъьюя"),
          new Member("srp", "ђћџ", Set.of("шта", "ово", "као", "или", "био", "ако", "само",
              "такође", "где", "када", "веома", "данас", "може", "нема", "су", "од", "је", "у",
              "из", "који", "која", "које", "сте", "смо", "ће"),
              "абвгдђежзијклљмнњопрстћуфхцчџш"),
          new Member("mkd", "ѓќѕ", Set.of("што", "ова", "како", "или", "беше", "ако", "само",
              "исто", "каде", "кога", "многу", "денес", "може", "нема", "од", "во", "кој", "ги",
              "го", "е", "ќе"),
              "абвгдѓежзѕијклљмнњопрстќуфхцчџш")),
      List.of(
          new Member("ces", "ěřů", Set.of("se", "jsou", "které", "který", "také", "pro",
              "jsem", "jak", "protože", "když", "jejich", "mezi", "před", "bude", "není")),
          new Member("slk", "äôľĺŕ", Set.of("sa", "sú", "ktoré", "ktorý", "tiež", "pre", "som",
              "ako", "pretože", "keď", "ich", "medzi", "pred", "bude", "nie", "aj", "alebo"))),
      List.of(
          new Member("dan", "", Set.of("af", "nu", "efter", "meget", "hvad", "sig", "mig",
              "dig", "noget", "nogle", "ud", "op", "spørgsmål", "købe", "gade", "mad", "bog",
              "hjemmeside", "blev", "sådan", "hende", "jer", "lidt", "mere", "nyt", "weekend")),
          new Member("nob", "", Set.of("av", "nå", "etter", "mye", "hva", "seg", "meg", "deg",
              "noe", "noen", "ut", "opp", "spørsmål", "kjøpe", "gate", "gaten", "mat", "bok",
              "nettside", "ble", "sånn", "henne", "dere", "litt", "mer", "nytt", "helg")),
          new Member("nno", "", Set.of("eg", "ikkje", "ein", "eit", "kva", "korleis", "berre",
              "frå", "vart", "heile", "dei", "meir", "mykje", "noko", "nokon"))),
      List.of(
          new Member("msa", "", Set.of("kerana", "boleh", "kerajaan", "wang", "bas", "teksi",
              "percuma", "kedai", "sahaja", "kereta", "daripada", "ialah", "jabatan",
              "pejabat", "universiti", "polis", "sila", "tandas", "mesyuarat", "telefon",
              "bilik", "kakitangan", "negeri", "encik", "hendak", "mahu", "sebab", "cuti",
              "barangan", "sukan", "bapa", "bercuti", "melawat", "sekiranya", "mesej", "nombor",
              "akaun", "kenderaan", "jalan raya", "bandar", "pelancong", "doktor", "peniaga",
              "khamis", "jumaat", "isnin", "ahad",
              "yang", "dan", "dengan", "untuk", "tidak", "ini", "itu", "akan", "ada", "juga")),
          new Member("ind", "", Set.of("karena", "bisa", "pemerintah", "uang", "bus", "taksi",
              "gratis", "toko", "saja", "mobil", "kantor", "universitas", "polisi", "silakan",
              "toilet", "rapat", "telepon", "kamar", "nggak", "gak", "ingin", "mau", "libur",
              "sudah", "belum", "kepada", "kami", "anda", "yang", "dan", "dengan", "untuk",
              "olahraga", "orang tua", "berlibur", "mengunjungi", "pesan", "nomor", "akun",
              "rekening", "kendaraan", "kota", "wisatawan", "dokter", "ongkos", "lebaran",
              "kamis", "jumat", "senin", "pedagang",
              "tidak", "ini", "itu", "akan", "ada", "juga")),
          new Member("sun", "", Set.of("nu", "jeung", "teu", "anu", "bari", "keur", "ieu",
              "éta", "urang", "mah", "kana", "ka", "ti", "henteu")),
          new Member("jav", "", Set.of("lan", "ing", "sing", "ora", "iki", "kuwi", "karo",
              "uga", "saka", "marang", "wis", "arep"))),
      List.of(
          new Member("hrv", "", Set.of("tko", "tjedan", "kruh", "vlak", "kazalište",
              "zrakoplov", "sveučilište", "tisuća", "glazba", "kolodvor", "obitelj", "točno",
              "tijekom", "povijest", "kemija", "nogomet", "kava", "lako", "izvješće",
              "sustav", "zračna", "uvjet", "uvjeti", "tvrtka", "knjižnica", "siječnja",
              "liječnik", "liječnici", "susjedi", "inozemstvo", "dobivate", "ponovno", "tisuću",
              "organiziraju", "tjedna")),
          new Member("bos", "", Set.of("ko", "šta", "sedmica", "sedmice", "hljeb", "voz",
              "pozorište", "avion", "univerzitet", "hiljada", "hiljade", "muzika", "stanica",
              "porodica", "tačno", "tokom", "historija", "hemija", "fudbal", "kafa", "lahko",
              "opština", "izvještaj", "sistem", "uslov", "uslovi", "firma", "biblioteka",
              "januara", "treba da", "ljekar", "ljekari", "komšije", "komšija", "inostranstvo",
              "kahva", "kahve", "dobijate", "ponovo", "hiljadu", "sedmicu", "organizuju",
              "avlija", "avliji", "bamija", "bamije", "ahbab", "čaršija", "maraka")),
          new Member("srp", "", Set.of("ko", "šta", "nedelja", "hleb", "voz", "pozorište",
              "avion", "univerzitet", "hiljada", "muzika", "porodica", "tačno", "tokom",
              "istorija", "hemija", "fudbal", "kafa", "opština", "izveštaj", "sistem", "uslov",
              "mleko", "reka", "lepo", "dete", "vreme", "mesto", "devojka"))),
      List.of(
          new Member("cat", "çàèòïŀ", Set.of("i", "els", "les", "amb", "per", "és", "aquest",
              "aquesta", "molt", "però", "també", "meu", "seu", "ara", "fins", "dels", "als",
              "nosaltres", "sobre", "horari", "feina", "avui", "doncs")),
          new Member("spa", "ñ¿¡á", Set.of("y", "los", "las", "con", "para", "es", "este",
              "esta", "muy", "pero", "también", "mi", "su", "ahora", "hasta", "del", "nosotros",
              "sobre", "horario", "trabajo", "hoy", "pues", "cuando"))));

  private static final java.util.regex.Pattern NOT_WORD =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{M}]+");

  private ConfusableGroups() {}

  /**
   * The group {@code lang} belongs to, or null. Serbian is in two groups: with its Cyrillic
   * neighbours for Cyrillic text, with Bosnian and Croatian for Latin text.
   */
  static List<Member> groupOf(String lang, boolean cyrillic) {
    for (List<Member> group : GROUPS) {
      if ((group == GROUPS.get(0)) != cyrillic) {
        continue;
      }
      for (Member m : group) {
        if (m.lang().equals(lang)) {
          return group;
        }
      }
    }
    return null;
  }

  /** The chosen member, and by how many points it led the next member left in the running. */
  record Decision(String lang, int margin) {}

  /**
   * The member the text's letters and words point to. Members whose alphabet lacks a letter the
   * text uses are out; of the rest, the one with the most points wins, ties (and
   * no points at all) going to the one the model ranks higher. Null when no member is left.
   * Only members allowed by the script are considered ({@code allowed} null: any). The text
   * comes lower-cased ({@link Locale#ROOT}), as the identifier already has it.
   */
  static Decision decide(List<Member> group, String lower, Set<String> allowed,
      List<String> modelOrder) {
    Set<String> words = new java.util.HashSet<>(List.of(NOT_WORD.split(lower)));
    StringBuilder letters = new StringBuilder();
    for (Member m : group) {
      if (m.alphabet() != null) {
        letters.append(m.alphabet());
      }
    }
    String groupLetters = letters.toString();
    Map<String, Integer> scores = new HashMap<>();
    for (Member m : group) {
      if (allowed != null && !allowed.contains(m.lang()) || excluded(m, lower, groupLetters)) {
        continue;
      }
      int score = 0;
      for (int i = 0; i < lower.length(); i++) {
        if (m.letters().indexOf(lower.charAt(i)) >= 0) {
          score++;
        }
      }
      for (String marker : m.words()) {
        if (marker.indexOf(' ') >= 0 ? lower.contains(marker) : words.contains(marker)) {
          score++;
        }
      }
      scores.merge(m.lang(), score, Integer::sum);
    }
    int best = scores.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    int second = scores.values().stream().mapToInt(Integer::intValue).sorted()
        .skip(Math.max(0, scores.size() - 2)).findFirst().orElse(-1);
    int margin = scores.size() < 2 ? Integer.MAX_VALUE : best - second;
    for (String lang : modelOrder) {
      if (scores.getOrDefault(lang, -1) == best) {
        return new Decision(lang, margin);
      }
    }
    return null;
  }

  /** Whether the text uses a group letter outside the member's alphabet. */
  private static boolean excluded(Member m, String lower, String groupLetters) {
    if (m.alphabet() == null) {
      return false;
    }
    int foreign = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (m.alphabet().indexOf(c) < 0 && groupLetters.indexOf(c) >= 0) {
        foreign++;
      }
    }
    return foreign >= 1;
  }
}
