package dev.quarry.filters.pii;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Secrets a provider marks with a fixed prefix: the prefix, then a body of a known alphabet and
 * length, not glued to a word on either side, and a body that looks random ({@link Randomness}),
 * which turns away {@code AKIAXXXXXXXXXXXXXXXX} and {@code ghp_xxxx…}.
 *
 * <table>
 *   <caption>Shapes</caption>
 *   <tr><th>kind</th><th>prefixes</th><th>body</th></tr>
 *   <tr><td>aws_access_key_id</td><td>AKIA (long-term), ASIA (temporary), ABIA (STS bearer),
 *       ACCA (context-specific)</td><td>16 of [A-Z2-7]</td></tr>
 *   <tr><td>github_token</td><td>ghp_ gho_ ghu_ ghs_ ghr_</td><td>36 of [A-Za-z0-9]</td></tr>
 *   <tr><td>github_token</td><td>github_pat_ (fine-grained)</td><td>82 of [A-Za-z0-9_]</td></tr>
 *   <tr><td>slack_token</td><td>xoxb- xoxp- xoxa- xoxr- xoxs-</td>
 *       <td>20–250 of [A-Za-z0-9-]</td></tr>
 *   <tr><td>stripe_key</td><td>sk_live_ rk_live_ (secret, restricted; never pk_)</td>
 *       <td>16–247 of [A-Za-z0-9]</td></tr>
 *   <tr><td>google_api_key</td><td>AIza</td><td>35 of [A-Za-z0-9_-]</td></tr>
 * </table>
 *
 * <p>Other AWS prefixes (AIDA users, AROA roles, ANPA policies…) name things, not credentials.
 * The prefixes are found through an anchor char, their underscore if they have one, else their
 * first char: three {@link String#indexOf} scans (for {@code A}, {@code _} and {@code x}) cover
 * all eighteen, and only the rare anchor hits are compared with the prefixes.
 */
final class TokenShapes {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final double MIN_BITS = 2.5;

  private record Shape(SecretKind kind, String prefix, String alphabet, int minBody,
      int maxBody) {
    char anchor() {
      return prefix.indexOf('_') >= 0 ? '_' : prefix.charAt(0);
    }

    int anchorOffset() {
      return prefix.indexOf(anchor());
    }
  }

  private static final Shape[] SHAPES = {
      new Shape(SecretKind.AWS_ACCESS_KEY_ID, "AKIA", BASE32, 16, 16),
      new Shape(SecretKind.AWS_ACCESS_KEY_ID, "ASIA", BASE32, 16, 16),
      new Shape(SecretKind.AWS_ACCESS_KEY_ID, "ABIA", BASE32, 16, 16),
      new Shape(SecretKind.AWS_ACCESS_KEY_ID, "ACCA", BASE32, 16, 16),
      new Shape(SecretKind.GITHUB_TOKEN, "ghp_", ALNUM, 36, 36),
      new Shape(SecretKind.GITHUB_TOKEN, "gho_", ALNUM, 36, 36),
      new Shape(SecretKind.GITHUB_TOKEN, "ghu_", ALNUM, 36, 36),
      new Shape(SecretKind.GITHUB_TOKEN, "ghs_", ALNUM, 36, 36),
      new Shape(SecretKind.GITHUB_TOKEN, "ghr_", ALNUM, 36, 36),
      new Shape(SecretKind.GITHUB_TOKEN, "github_pat_", ALNUM + "_", 82, 82),
      new Shape(SecretKind.SLACK_TOKEN, "xoxb-", ALNUM + "-", 20, 250),
      new Shape(SecretKind.SLACK_TOKEN, "xoxp-", ALNUM + "-", 20, 250),
      new Shape(SecretKind.SLACK_TOKEN, "xoxa-", ALNUM + "-", 20, 250),
      new Shape(SecretKind.SLACK_TOKEN, "xoxr-", ALNUM + "-", 20, 250),
      new Shape(SecretKind.SLACK_TOKEN, "xoxs-", ALNUM + "-", 20, 250),
      new Shape(SecretKind.STRIPE_KEY, "sk_live_", ALNUM, 16, 247),
      new Shape(SecretKind.STRIPE_KEY, "rk_live_", ALNUM, 16, 247),
      new Shape(SecretKind.GOOGLE_API_KEY, "AIza", ALNUM + "_-", 35, 35),
  };

  /** The shapes grouped by anchor char, each group tried wherever its anchor occurs. */
  private static final Map<Character, List<Shape>> BY_ANCHOR = Arrays.stream(SHAPES)
      .collect(Collectors.groupingBy(Shape::anchor));

  private TokenShapes() {}

  static void find(String text, List<PiiSpan> out) {
    BY_ANCHOR.forEach((anchor, shapes) -> {
      for (int p = text.indexOf(anchor); p >= 0; p = text.indexOf(anchor, p + 1)) {
        for (Shape shape : shapes) {
          int at = p - shape.anchorOffset();
          int end = at >= 0 && text.startsWith(shape.prefix(), at) ? bodyEnd(text, at, shape) : -1;
          if (end > 0) {
            out.add(shape.kind().span(at, end));
            p = end - 1;
            break;
          }
        }
      }
    });
  }

  /** The end of the token with {@code shape} at {@code at}, or -1 if it is not one. */
  private static int bodyEnd(String text, int at, Shape shape) {
    if (at > 0 && NumberBounds.isWordChar(text.charAt(at - 1))) {
      return -1;
    }
    int bodyStart = at + shape.prefix().length();
    int limit = Math.min(text.length(), bodyStart + shape.maxBody() + 1);
    int end = bodyStart;
    while (end < limit && shape.alphabet().indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    int length = end - bodyStart;
    boolean glued = end < text.length() && NumberBounds.isWordChar(text.charAt(end));
    return length >= shape.minBody() && length <= shape.maxBody() && !glued
        && Randomness.looksRandom(text, bodyStart, end, shape.minBody(), MIN_BITS, 1) ? end : -1;
  }
}
