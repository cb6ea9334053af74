package dev.quarry.filters.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.core.Document;
import dev.quarry.filters.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageIdStepTest {
  static final String ENGLISH = "The council voted on Tuesday to keep the library open later in "
      + "summer. Students and working parents had asked for evening hours for years.";
  static final String GERMAN = "Der Stadtrat hat am Dienstag beschlossen, die Bibliothek im "
      + "Sommer länger zu öffnen. Studierende hatten seit Jahren darum gebeten.";

  static Document doc(String text) {
    return new Document("d", text, null, "t", null, "mem:d", null, null, null, null, null, null);
  }

  static LanguageIdStep step(List<String> keep, boolean perParagraph) {
    return new LanguageIdStep(new LanguageIdStep.Params(null, null, null, keep, perParagraph));
  }

  @Test
  void setsLangScoreAndRunnersUp() {
    Verdict v = step(List.of(), false).apply(doc(GERMAN));
    assertThat(v.kept()).isTrue();
    assertThat(v.document().lang()).isEqualTo("deu");
    assertThat(v.document().langScore()).isGreaterThan(0.65);
    assertThat(v.document().attrs().keySet()).hasSize(2)
        .allSatisfy(k -> assertThat(k).startsWith("lang_alt."));
  }

  @Test
  void tooShortOrUnsureIsUndetermined() {
    Verdict shortOne = step(List.of(), false).apply(doc("ok then"));
    assertThat(shortOne.document().lang()).isEqualTo("und");
    // A short heading scores well below 1: English by default, undetermined where English
    // needs 0.999 (it scores about 0.97).
    String phrase = "Opening hours for visitors";
    assertThat(step(List.of(), false).apply(doc(phrase)).document().lang()).isEqualTo("eng");
    LanguageIdStep strict = new LanguageIdStep(new LanguageIdStep.Params(null,
        Map.of("eng", 0.999), null, null, null));
    Verdict unsure = strict.apply(doc(phrase));
    assertThat(unsure.document().lang()).isEqualTo("und");
    assertThat(unsure.document().langScore()).isBetween(0.65, 0.999);
  }

  @Test
  void keepLanguagesDropsTheOthersWithTheirReason() {
    LanguageIdStep englishOnly = step(List.of("eng"), false);
    assertThat(englishOnly.apply(doc(ENGLISH)).kept()).isTrue();
    assertThat(englishOnly.apply(doc(GERMAN)).dropReason()).isEqualTo("language_not_kept");
    assertThat(englishOnly.apply(doc("")).dropReason()).isEqualTo("language_undetermined");
  }

  @Test
  void perParagraphRecordsTheShareOfTheMainLanguage() {
    String more = "The new opening hours start next week, and the café on the ground floor will "
        + "serve hot drinks and sandwiches until the building closes in the evening.";
    String evenMore = "Volunteers from the local history society will run guided tours of the "
        + "old reading room every Saturday morning during the school holidays this year.";
    Verdict v = step(List.of(), true).apply(doc(ENGLISH + "\n\n" + more + "\n\n" + evenMore
        + "\n\n" + GERMAN));
    assertThat(v.document().lang()).isEqualTo("eng");
    double share = v.document().attrs().get("lang_share");
    assertThat(share).isBetween(0.7, 0.8);
  }
}
