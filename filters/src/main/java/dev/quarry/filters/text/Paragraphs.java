package dev.quarry.filters.text;

import java.util.regex.Pattern;

/**
 * A text's paragraphs for the steps that score them one by one ({@code language_id} and
 * {@code classifier} with {@code per_paragraph}): the pieces between blank lines, a blank line
 * being an empty line or one of ASCII whitespace only; several blank lines in a row are one
 * break. Pieces may be blank (a text that starts with a blank line): callers skip what they
 * cannot score.
 */
public final class Paragraphs {
  private static final Pattern BREAK = Pattern.compile("\\n\\s*\\n");

  private Paragraphs() {}

  public static String[] split(String text) {
    return BREAK.split(text);
  }
}
