package dev.quarry.filters.pii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The team's labelled PII corpus ({@code src/test/resources/pii/}, format in its README):
 * positives with their gold spans, and hard negatives that hold no PII.
 */
final class PiiCorpus {
  static final String[] POSITIVE_FILES = {"email", "phone", "ip_address", "credit_card", "iban",
      "us_ssn", "secret"};
  private static final Pattern MARK =
      Pattern.compile("\\[\\[([A-Z_]+)(?:/([A-Za-z0-9_]+))?:(.*?)\\]\\]");

  /** A labelled value: type, qualifier (range, region, brand, kind; may be null) and span. */
  record Gold(PiiType type, String qualifier, int start, int end) {}

  /** One example: where it comes from, its language, its text and its gold spans. */
  record Example(String source, String lang, String text, List<Gold> gold) {}

  private PiiCorpus() {}

  /** Every positive example, in file order. */
  static List<Example> positives() {
    List<Example> examples = new ArrayList<>();
    for (String file : POSITIVE_FILES) {
      int lineNumber = 0;
      for (String line : lines("positives/" + file + ".txt")) {
        lineNumber++;
        if (isComment(line)) {
          continue;
        }
        int tab = line.indexOf('\t');
        String raw = line.substring(tab + 1);
        StringBuilder text = new StringBuilder();
        List<Gold> gold = new ArrayList<>();
        Matcher m = MARK.matcher(raw);
        int last = 0;
        while (m.find()) {
          text.append(unescape(raw.substring(last, m.start())));
          int start = text.length();
          text.append(unescape(m.group(3)));
          gold.add(new Gold(PiiType.valueOf(m.group(1)), m.group(2), start, text.length()));
          last = m.end();
        }
        text.append(unescape(raw.substring(last)));
        examples.add(new Example(file + ".txt:" + lineNumber, line.substring(0, tab),
            text.toString(), List.copyOf(gold)));
      }
    }
    return examples;
  }

  /** Every hard negative; its source names the category. */
  static List<Example> negatives() {
    List<Example> examples = new ArrayList<>();
    int lineNumber = 0;
    for (String line : lines("negatives.txt")) {
      lineNumber++;
      if (isComment(line)) {
        continue;
      }
      String[] fields = line.split("\t", 3);
      examples.add(new Example("negatives.txt:" + lineNumber + " (" + fields[0] + ")",
          fields[1], unescape(fields[2]), List.of()));
    }
    return examples;
  }

  private static boolean isComment(String line) {
    return line.isBlank() || line.startsWith("#");
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<String> lines(String resource) {
    try (InputStream in = PiiCorpus.class.getResourceAsStream("/pii/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("test resource /pii/" + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
