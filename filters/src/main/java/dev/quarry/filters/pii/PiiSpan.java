package dev.quarry.filters.pii;

/**
 * A value found in a text: its type, its place ({@code [start, end)} in UTF-16 chars), and a
 * detail that says more without repeating the value — the IP range ({@code private},
 * {@code public}…), the card brand, the secret's kind, the phone's region.
 */
public record PiiSpan(PiiType type, int start, int end, String detail) {
  public PiiSpan {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  public boolean overlaps(PiiSpan other) {
    return start < other.end && other.start < end;
  }
}
