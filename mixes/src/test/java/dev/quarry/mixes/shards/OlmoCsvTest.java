package dev.quarry.mixes.shards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class OlmoCsvTest {
  @Test
  void quotesOnlyWhenItMust() {
    assertThat(OlmoCsv.field("plain id-1 with spaces")).isEqualTo("plain id-1 with spaces");
    assertThat(OlmoCsv.field("")).isEqualTo("");
    assertThat(OlmoCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(OlmoCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(OlmoCsv.field("cr\r")).isEqualTo("\"cr\r\"");
    assertThat(OlmoCsv.field("lf\n")).isEqualTo("\"lf\n\"");
    assertThat(OlmoCsv.row(new OlmoRow(0, 12, "x", "web", "s3://a,b")))
        .isEqualTo("0,12,x,web,\"s3://a,b\"\n");
  }

  @Test
  void parsesWhatItWrites() throws Exception {
    List<OlmoRow> rows = List.of(
        new OlmoRow(0, 3, "a,b", "\"quoted\"", "line\r\nbreak"),
        new OlmoRow(3, 9, "", "é 漢 😀", "\"\""),
        new OlmoRow(9, 10, "plain", "x", ""));
    StringBuilder text = new StringBuilder();
    rows.forEach(row -> text.append(OlmoCsv.row(row)));
    assertThat(OlmoCsv.parse(new StringReader(text.toString()))).isEqualTo(rows);
  }

  @Test
  void malformedRowsNameTheDocumentAndTheFault() {
    assertThatThrownBy(() -> parse("0,1,a,b\n"))
        .hasMessage("the .csv.gz row of document 0 has 4 fields, expected 5"
            + " (start,end,id,src,loc)");
    assertThatThrownBy(() -> parse("0,1,a,b,c\n1,x,a,b,c\n"))
        .hasMessageContaining("row of document 1 has end \"x\", expected a token offset");
    assertThatThrownBy(() -> parse("-1,1,a,b,c\n")).hasMessageContaining("start \"-1\"");
    assertThatThrownBy(() -> parse("0,1,a,b,c"))
        .hasMessageContaining("does not end with a newline");
    assertThatThrownBy(() -> parse("0,1,a\"b,b,c\n")).hasMessageContaining("a quote");
    assertThatThrownBy(() -> parse("0,1,a\r,b,c\n")).hasMessageContaining("a CR");
    assertThatThrownBy(() -> parse("0,1,\"a\"b,b,c\n"))
        .hasMessageContaining("'b' after a closing quote");
  }

  private static List<OlmoRow> parse(String text) throws Exception {
    return OlmoCsv.parse(new StringReader(text));
  }
}
