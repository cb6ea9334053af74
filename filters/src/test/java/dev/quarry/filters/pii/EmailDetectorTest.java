package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {
  private final EmailDetector detector = new EmailDetector();

  private List<String> found(String text) {
    return DetectorProbe.found(detector, text, "eng");
  }

  private List<String> found(String text, String lang) {
    return DetectorProbe.found(detector, text, lang);
  }

  @Test
  void findsPlainAddressesWithoutTheirSurroundings() {
    assertThat(found("Write to billing@northwind-traders.com and quote the invoice."))
        .containsExactly("billing@northwind-traders.com/plain");
    assertThat(found("From: Maya <maya.t@fastmail.example>\nTo: front.desk@dental.co.uk."))
        .containsExactly("maya.t@fastmail.example/plain", "front.desk@dental.co.uk/plain");
    assertThat(found("<a href=\"mailto:press@museum.example.org\">mail us</a>"))
        .containsExactly("press@museum.example.org/plain");
    assertThat(found("(privacy@acme-widgets.test), 'o'brien@example.ie'"))
        .containsExactly("privacy@acme-widgets.test/plain", "o'brien@example.ie/plain");
  }

  @Test
  void findsPlusAddressingSubdomainsQuotedLocalPartsAndIdn() {
    assertThat(found("Use careers+backend@jobs.eu.lumenforge.io; or "
        + "\"data team\"@research.example.edu"))
        .containsExactly("careers+backend@jobs.eu.lumenforge.io/plain",
            "\"data team\"@research.example.edu/plain");
    assertThat(found("Support: support@bücherstube.example – IDN works"))
        .containsExactly("support@bücherstube.example/plain");
    assertThat(found("请发送邮件至kefu@lvye-travel.cn我们会回复", "cmn"))
        .containsExactly("kefu@lvye-travel.cn/plain");
    assertThat(found("punycode: info@xn--bcherstube-9db.xn--p1ai."))
        .containsExactly("info@xn--bcherstube-9db.xn--p1ai/plain");
  }

  @Test
  void findsBracketedAndFullWidthObfuscations() {
    assertThat(found("Contact hello [at] brightmeadow-festival [dot] org to volunteer."))
        .containsExactly("hello [at] brightmeadow-festival [dot] org/obfuscated");
    assertThat(found("Bugs: bugs(at)tinytracker(dot)dev, or elena{at}casa-verdi{dot}it"))
        .containsExactly("bugs(at)tinytracker(dot)dev/obfuscated",
            "elena{at}casa-verdi{dot}it/obfuscated");
    assertThat(found("Mail: jana.nowak [AT] example.de"))
        .containsExactly("jana.nowak [AT] example.de/obfuscated");
    assertThat(found("アドレスは yamada＠hoshizora-lab.jp と全角で", "jpn"))
        .containsExactly("yamada＠hoshizora-lab.jp/obfuscated");
    assertThat(found("Mój mail to a.wrobel (małpa) poczta (kropka) pl, dzięki", "pol"))
        .containsExactly("a.wrobel (małpa) poczta (kropka) pl/obfuscated");
  }

  @Test
  void findsBareWordFormsOnlyInAMailContext() {
    assertThat(found("You can reach me at tom dot hargreaves at gmail dot com, I check it."))
        .containsExactly("tom dot hargreaves at gmail dot com/obfuscated");
    assertThat(found("Mi correo nuevo es lucia punto herrera arroba correo punto example punto com",
        "spa")).containsExactly(
            "lucia punto herrera arroba correo punto example punto com/obfuscated");
    assertThat(found("Мой адрес: irina.volkova собака yandex точка ru — пишите", "rus"))
        .containsExactly("irina.volkova собака yandex точка ru/obfuscated");
    assertThat(found("E-mail: j.doe AT example DOT org")).containsExactly(
        "j.doe AT example DOT org/obfuscated");
    // no mail word before it: prose
    assertThat(found("The keynote by jane at acme dot com was recorded.")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Look at the dot in the middle of the chart: that is the outlier.",
      "We arrived at noon dot on time, as promised.",
      "Stare at the red dot and the image seems to move.",
      "Email us at the dot in our logo.",
      "Contact us at example dot com for details.",
      "She was good at maths; the dot product was her favourite topic.",
  })
  void atAndDotInProseAreNotAddresses(String text) {
    assertThat(found(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "git clone git@github.com:acme/widgets.git",
      "remote: ssh://git@gitlab.example.com:2222/team/project.git",
      "root@build-server-03:~$ systemctl restart nginx",
      "deploy@web-01.example.com:~$ ls",
      "scp build.tar.gz deploy@staging:/srv/releases/",
      "The installer creates the account 'admin'@'localhost'.",
      "npm install @types/node@20.11.5 @angular/core@17.3.0 lodash@4.17.21",
      "pip install \"package @ git+https://github.com/acme/package.git@v1.2.0\"",
      "docker pull ghcr.io/acme/api@sha256:5d0da3dc976460b72c77d94c8a1ad043",
      "DATABASE_URL=postgres://app_user:hQOk3MDaSC6oaa@db.internal.example:5432/shop",
      "git clone https://ghp_PmaAd1yMBAaRPh0OF06i3exh@github.com/acme/deploy.git",
      "mysql://reporting:sJ9kl-hOhsj_32OZp@reports-db.example.com/analytics",
      "<img srcset=\"logo@2x.png 2x, icon@3x.webp 3x\">",
      "@Override\npublic String toString() {}  @media (max-width: 768px) {}",
      "Thanks @dependabot and @here; C = A @ B; Hola a tod@s; git log HEAD@{2}",
      "SECRET_KEY = \"ly@1au8k7&&9_9^f&%9qsqqfmk1tc=)oy!lbiyi9n@iiu7*dfv\"",
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBq3uV7r2yT0 deploy@ci",
      "a..b@example.com and end.@example.com",
  })
  void userAtHostAndOtherAtSignsAreNotAddresses(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void aLocalPartLongerThan64CharactersIsNoAddress() {
    assertThat(found("x".repeat(65) + "@example.com")).isEmpty();
    assertThat(found("x".repeat(64) + "@example.com")).hasSize(1);
  }

  @Test
  void neverThrowsAndStaysLinear() {
    DetectorProbe.assertNeverThrowsAndStaysLinear(detector, null, "eng", "rus");
  }
}
