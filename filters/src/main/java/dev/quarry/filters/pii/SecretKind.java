package dev.quarry.filters.pii;

import java.util.Locale;

/** The kinds of secret {@link SecretDetector} finds; a span's detail is the kind's key. */
public enum SecretKind {
  AWS_ACCESS_KEY_ID, PRIVATE_KEY, BEARER_TOKEN, GITHUB_TOKEN, SLACK_TOKEN, STRIPE_KEY,
  GOOGLE_API_KEY, URL_PASSWORD, KEY_VALUE;

  /** The name in a span's detail and in the corpus: {@code aws_access_key_id}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  PiiSpan span(int start, int end) {
    return new PiiSpan(PiiType.SECRET, start, end, key());
  }
}
