package dev.quarry.filters.pii;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a config key, variable or JSON field names a secret. The name is split into words at
 * {@code _ - .} and camel case ({@code aws_secret_access_key}, {@code apiKey}, {@code X-Api-Key},
 * {@code config.auth_token}); its last word decides:
 *
 * <ul>
 *   <li>a secret word — secret, token, password (and its abbreviations and translations),
 *       passphrase, credential(s) — unless the word before says it is not secret
 *       ({@code public_token}, {@code next_page_token});
 *   <li>{@code key} only after a word that makes it a credential: {@code api_key},
 *       {@code secret_key}, {@code access_key}, {@code encryption_key}… but not {@code
 *       primary_key}, {@code cache_key}, {@code publishable_key}, {@code vapidPublicKey};
 *   <li>anything else is no secret name: {@code token_type}, {@code max_tokens},
 *       {@code secret_name}, {@code password_min_length}, {@code api_key_header}.
 * </ul>
 */
final class SecretKeyNames {
  private static final Set<String> SECRET_WORDS = Set.of("secret", "token", "password",
      "passwd", "pwd", "pass", "passphrase", "passcode", "credential", "credentials", "apikey",
      "secretkey", "accesskey", "privatekey", "authtoken", "accesstoken", "clientsecret",
      "passwort", "kennwort", "contraseña", "contrasena", "senha", "hasło", "haslo",
      "wachtwoord", "пароль", "密码", "パスワード");
  private static final Set<String> KEY_QUALIFIERS = Set.of("api", "secret", "private", "access",
      "encryption", "signing", "master", "client", "app", "application", "auth", "account",
      "service", "session", "webhook", "hmac", "jwt", "consumer", "subscription", "license",
      "storage", "shared", "admin", "crypt", "decryption");
  private static final Set<String> NOT_SECRET_QUALIFIERS = Set.of("public", "publishable",
      "page", "next", "continuation", "sync");
  private static final int MAX_NAME = 64;

  private SecretKeyNames() {}

  /** Whether {@code text[start, end)} is a secret's name. */
  static boolean isSecretName(String text, int start, int end) {
    if (end - start < 3 || end - start > MAX_NAME) {
      return false;
    }
    int lastStart = wordStart(text, start, end);
    String last = text.substring(lastStart, end).toLowerCase(Locale.ROOT);
    int previousEnd = lastStart;
    while (previousEnd > start && isSeparator(text.charAt(previousEnd - 1))) {
      previousEnd--;
    }
    String previous = previousEnd > start
        ? text.substring(wordStart(text, start, previousEnd), previousEnd).toLowerCase(Locale.ROOT)
        : "";
    if (last.equals("key")) {
      return KEY_QUALIFIERS.contains(previous);
    }
    return SECRET_WORDS.contains(last) && !NOT_SECRET_QUALIFIERS.contains(previous);
  }

  /** Where the word that ends at {@code end} starts: after a separator or at a camel hump. */
  private static int wordStart(String text, int start, int end) {
    int i = end;
    while (i > start && !isSeparator(text.charAt(i - 1))) {
      i--;
      if (i > start && Character.isUpperCase(text.charAt(i))
          && Character.isLowerCase(text.charAt(i - 1))) {
        return i;
      }
    }
    return i;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.';
  }
}
