package dev.quarry.filters.pii;

import static dev.quarry.filters.pii.DetectorTesting.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretDetectorTest {
  private static final String KEY_BODY =
      "0fJCZyaJ64OSfrNTFkcOzLAubOUSRPAEohbNQhWb2zgRQ9wfdAJW/o1q7epEnyEL\n"
      + "hrU98Bz4KUMMLjPuT6BOh8I0SnKArC1FWM0E/kAJAwS7gY36MIN5Pu9yG6jRpm6o\n";
  private final SecretDetector detector = new SecretDetector();

  @Test
  void findsAwsAccessKeyIdsButNotPlaceholdersOrOtherIds() {
    assertThat(found(detector, "key AKIAUJZDEGXDNCF32EPF, session ASIA3DHODZDOCIS2JHTL"))
        .containsExactly("AKIAUJZDEGXDNCF32EPF aws_access_key_id",
            "ASIA3DHODZDOCIS2JHTL aws_access_key_id");
    assertThat(found(detector, "AKIAXXXXXXXXXXXXXXXX AKIAIOSFODNN7EXAMPLE AKIAUJZDEGXDNCF32EP"))
        .isEmpty();
    assertThat(found(detector, "user AIDAUJZDEGXDNCF32EPF, glued xAKIAUJZDEGXDNCF32EPF")).isEmpty();
  }

  @Test
  void findsProviderTokensByPrefix() {
    assertThat(found(detector, "token ghp_gLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtH leaked"))
        .containsExactly("ghp_gLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtH github_token");
    assertThat(found(detector, "github_pat_F4vUCsMehGAkWvj7FAc9Qe_WJKY40uvSwMFLZDe1f8rESQedUStPKR"
        + "0CsTy4Qwb8DwkNhFdnXsiVpzz63F")).containsExactly("github_pat_F4vUCsMehGAkWvj7FAc9Qe_"
        + "WJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNhFdnXsiVpzz63F github_token");
    assertThat(found(detector, "bot xoxb-127684268465-6321223307924-sajAIxNKu8iS2G8NPRVdD53X"))
        .containsExactly("xoxb-127684268465-6321223307924-sajAIxNKu8iS2G8NPRVdD53X slack_token");
    assertThat(found(detector, "sk_live_83RZJzzzzgEOzdmenCkhvMdg rk_live_aKjIg8xNbe3nNyjOq9wMxEhh"))
        .containsExactly("sk_live_83RZJzzzzgEOzdmenCkhvMdg stripe_key",
            "rk_live_aKjIg8xNbe3nNyjOq9wMxEhh stripe_key");
    assertThat(found(detector, "maps?key=AIzasdMlHUvTCQCyEZDz-TddJ8HyS5SUkCnD8zR&cb=init"))
        .containsExactly("AIzasdMlHUvTCQCyEZDz-TddJ8HyS5SUkCnD8zR google_api_key");
  }

  @Test
  void rejectsPublishableKeysAndPlaceholderTokens() {
    assertThat(found(detector, "publishable_key: pk_live_2FDEEtfjgVvVqE1SkHbn88Hx")).isEmpty();
    assertThat(found(detector, "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
        + "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX xoxb-your-token-here AIzaSy...your-key...")).isEmpty();
    assertThat(found(detector, "too short ghp_gLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKt")).isEmpty();
  }

  @Test
  void findsWholePrivateKeyBlocks() {
    String block = "-----BEGIN RSA PRIVATE KEY-----\n" + KEY_BODY + "-----END RSA PRIVATE KEY-----";
    assertThat(found(detector, "key:\n" + block + "\nthanks"))
        .containsExactly(block + " private_key");
    String json = "-----BEGIN PRIVATE KEY-----\\n" + KEY_BODY.replace("\n", "\\n")
        + "-----END PRIVATE KEY-----\\n";
    assertThat(found(detector, "{\"private_key\": \"" + json + "\"}"))
        .containsExactly(json.substring(0, json.length() - 2) + " private_key");
    String pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + KEY_BODY
        + "-----END PGP PRIVATE KEY BLOCK-----";
    assertThat(found(detector, pgp)).containsExactly(pgp + " private_key");
  }

  @Test
  void findsATruncatedKeyUpToItsLastLine() {
    String body = KEY_BODY.repeat(3);
    String truncated = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body;
    assertThat(found(detector, truncated + "\n(the rest got cut off)"))
        .containsExactly(truncated.substring(0, truncated.length() - 1) + " private_key");
  }

  @Test
  void rejectsPublicMaterialAndKeyPlaceholders() {
    assertThat(found(detector,
        "-----BEGIN PUBLIC KEY-----\n" + KEY_BODY + "-----END PUBLIC KEY-----"))
        .isEmpty();
    assertThat(found(detector,
        "-----BEGIN CERTIFICATE-----\n" + KEY_BODY + "-----END CERTIFICATE-----"))
        .isEmpty();
    assertThat(found(detector, "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"))
        .isEmpty();
    assertThat(found(detector, "Paste it between -----BEGIN RSA PRIVATE KEY----- and "
        + "-----END RSA PRIVATE KEY----- in the form.")).isEmpty();
    assertThat(found(detector,
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBq3uV7r2yT0oKq9m1Qy8m4qB5mHkz8d deploy@ci"))
        .isEmpty();
  }

  @Test
  void findsTheTokenAfterBearer() {
    assertThat(found(detector,
        "curl -H \"Authorization: Bearer A9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBL\""))
        .containsExactly("A9a9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBdGBL bearer_token");
    assertThat(found(detector,
        "Authorization: Bearer <token>\nAuthorization: Bearer {{access_token}}"))
        .isEmpty();
    assertThat(found(detector, "\"token_type\": \"Bearer\", \"expires_in\": 3600")).isEmpty();
    assertThat(found(detector, "The bearer of this letter is a friend.")).isEmpty();
  }

  @Test
  void findsOnlyThePasswordOfAUrl() {
    assertThat(found(detector,
        "DATABASE_URL=postgres://app:GpWLuqIA1id6Vw5D@db.internal:5432/shop"))
        .containsExactly("GpWLuqIA1id6Vw5D url_password");
    assertThat(found(detector, "postgres://user:password@localhost mysql://root:root@localhost "
        + "redis://:@localhost ssh://git@gitlab.example.com:2222/x.git")).isEmpty();
  }

  @Test
  void findsRandomValuesAfterSecretNames() {
    assertThat(found(detector, "api_key = \"QL05HA064GiIjHGb3CXlMaXZjljENUhJ\""))
        .containsExactly("QL05HA064GiIjHGb3CXlMaXZjljENUhJ key_value");
    assertThat(found(detector, "{\"client_secret\": \"QL05HA064GiIjHGb3CXlMaXZjljENUhJ\"}"))
        .containsExactly("QL05HA064GiIjHGb3CXlMaXZjljENUhJ key_value");
    assertThat(found(detector,
        "SECRET_KEY=i3o+gz5k*ok_16zv0mwuf=xbv932_byv7%s6ehogfqrclr)i1( in prose"))
        .containsExactly("i3o+gz5k*ok_16zv0mwuf=xbv932_byv7%s6ehogfqrclr)i1( key_value");
    assertThat(found(detector,
        "config.auth_token: 1af3176813e02ea68ef786e4d3cea27d26934b48, bitte"))
        .containsExactly("1af3176813e02ea68ef786e4d3cea27d26934b48 key_value");
    assertThat(found(detector,
        "jdbc:postgresql://db/app?user=svc&password=QL05HA064GiIjHGb3CXl&ssl=1"))
        .containsExactly("QL05HA064GiIjHGb3CXl key_value");
    assertThat(found(detector, "X-Api-Key: QL05HA064GiIjHGb3CXlMaXZjljENUhJ"))
        .containsExactly("QL05HA064GiIjHGb3CXlMaXZjljENUhJ key_value");
  }

  @Test
  void rejectsHarmlessSettingsAndPlaceholders() {
    assertThat(found(detector, "primary_key = \"customer_id\"; token_type = \"refresh\"; "
        + "max_tokens = 4096; api_key_header = \"X-Api-Key\"; "
        + "secret_name: \"prod/db/credentials\""))
        .isEmpty();
    assertThat(found(detector,
        "vapidPublicKey: \"BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAjA7LZ9A4\"; "
        + "sha256 = \"1af3176813e02ea68ef786e4d3cea27d26934b48\"")).isEmpty();
    assertThat(found(detector, "api_key = \"YOUR_API_KEY_HERE\"\npassword=changeme\n"
        + "password: ${DB_PASSWORD}\n\"client_secret\": \"********\"\n"
        + "SECRET_KEY=<your-secret-key>\n"
        + "password=Password1234567890\naccess_token = \"test\"\ntoken: \"{{ .Values.token }}\""))
        .isEmpty();
  }

  @Test
  void rejectsCodeThatComputesASecret() {
    assertThat(found(detector, "JsonToken token = parser.currentToken();\n"
        + "for (String token : ListFiles.tokens(urlPatternList)) {\n"
        + "static final Pattern SECRET_KEY = Pattern.compile(\n"
        + "api_key = os.environ[\"API_KEY\"]; const token = localStorage.getItem('token');"))
        .isEmpty();
    assertThat(found(detector, "access_token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0."
        + "Qm9K3xT7vLp2Wc8ZrN5aYd4Hs"))
        .containsExactly("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0."
            + "Qm9K3xT7vLp2Wc8ZrN5aYd4Hs key_value");
  }

  @Test
  void reportsEachSecretOnceUnderItsMostSpecificKind() {
    assertThat(found(detector, "GITHUB_TOKEN=ghp_gLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtH"))
        .containsExactly("ghp_gLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtH github_token");
    assertThat(found(detector,
        "https://bot:ghp_gLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtH@github.com/a/b"))
        .containsExactly("ghp_gLKOmxgJTeKdNnFRIBXuDL7DxtpYlSXpfKtH github_token");
  }

  @Test
  void neverThrows() {
    DetectorTesting.assertNeverThrows(detector);
  }
}
