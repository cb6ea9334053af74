package dev.quarry.filters.quality;

import dev.quarry.core.text.Words;
import java.util.Arrays;

/**
 * The lines of a text as offsets: split at {@code \n}, a {@code \r} before it left out, no empty
 * last line after a final newline (Python's {@code splitlines()} for {@code \n} and
 * {@code \r\n} texts). {@code blank} lines are empty or whitespace only.
 */
final class Lines {
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private int size;

  /** Splits {@code text}, reusing the arrays of the last split. */
  Lines split(String text) {
    size = 0;
    int length = text.length();
    int start = 0;
    while (start < length) {
      int newline = text.indexOf('\n', start);
      int next = newline < 0 ? length : newline + 1;
      int end = newline < 0 ? length : newline;
      if (end > start && text.charAt(end - 1) == '\r') {
        end--;
      }
      add(start, end);
      start = next;
    }
    return this;
  }

  private void add(int start, int end) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  int size() {
    return size;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  /** How many {@code \n} the split text holds. */
  int newlines(String text) {
    return size == 0 ? 0 : text.charAt(text.length() - 1) == '\n' ? size : size - 1;
  }

  /** The first non-whitespace offset of line {@code i} (its end when blank). */
  int contentStart(String text, int i) {
    int s = starts[i];
    while (s < ends[i] && Words.isSpace(text.charAt(s))) {
      s++;
    }
    return s;
  }

  /** The offset after the last non-whitespace char of line {@code i} (its start when blank). */
  int contentEnd(String text, int i) {
    int e = ends[i];
    while (e > starts[i] && Words.isSpace(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  boolean blank(String text, int i) {
    return contentStart(text, i) == ends[i];
  }
}
