package dev.quarry.filters.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Credentials ({@link SecretKind}): provider tokens with a fixed prefix ({@link TokenShapes}),
 * private-key blocks ({@link PrivateKeyBlocks}), bearer tokens ({@link BearerTokens}), passwords
 * in URLs ({@link UrlPasswords}) and random values assigned to a secret's name
 * ({@link KeyValueSecrets}). The detail is the kind.
 *
 * <p>One value can answer to two finders ({@code GITHUB_TOKEN=ghs_…} is also a random value
 * after a secret's name); the more specific kind, found first, keeps it and the overlapping
 * finding is dropped, so each secret is reported once. Every finder starts from a literal found
 * with {@link String#indexOf} ({@code -----BEGIN}, {@code AKIA}, {@code earer }, {@code ://},
 * {@code =}, {@code :}…); prose without one costs a few fast scans.
 */
public final class SecretDetector implements PiiDetector {
  @Override
  public PiiType type() {
    return PiiType.SECRET;
  }

  @Override
  public void find(String text, PiiContext context, List<PiiSpan> out) {
    List<PiiSpan> found = new ArrayList<>();
    PrivateKeyBlocks.find(text, found);
    TokenShapes.find(text, found);
    BearerTokens.find(text, found);
    UrlPasswords.find(text, found);
    KeyValueSecrets.find(text, found);
    for (int i = 0; i < found.size(); i++) {
      if (!overlapsEarlier(found, i)) {
        out.add(found.get(i));
      }
    }
  }

  private static boolean overlapsEarlier(List<PiiSpan> found, int index) {
    PiiSpan span = found.get(index);
    for (int j = 0; j < index; j++) {
      if (found.get(j).overlaps(span)) {
        return true;
      }
    }
    return false;
  }
}
