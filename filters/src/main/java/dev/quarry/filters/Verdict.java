package dev.quarry.filters;

import dev.quarry.core.Document;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a step decided: keep the (possibly annotated) document, or drop it for a reason. Reasons
 * are stable snake_case names such as {@code gopher_too_few_words}; they end up in stats,
 * manifests and {@code _rejected/}.
 */
public record Verdict(Document document, String dropReason) {
  private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  public Verdict {
    Objects.requireNonNull(document, "document");
    if (dropReason != null && !REASON.matcher(dropReason).matches()) {
      throw new IllegalArgumentException("a drop reason must be snake_case, got '"
          + dropReason + "'");
    }
  }

  public static Verdict keep(Document document) {
    return new Verdict(document, null);
  }

  public static Verdict drop(Document document, String reason) {
    return new Verdict(document, Objects.requireNonNull(reason, "reason"));
  }

  public boolean kept() {
    return dropReason == null;
  }
}
