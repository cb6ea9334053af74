package dev.quarry.jobs.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plants PII in a page's text: e-mail addresses (a quarter of them obfuscated as
 * {@code name [at] domain [dot] com}), phone numbers in international and national formats, and
 * IPv4/IPv6 addresses. Values use reserved example domains, fictional-use phone ranges and
 * documentation/private IP ranges. Returns what it planted, so the truth can say where.
 */
final class PiiPlanter {
  private static final String[] NAMES = {"anna.weber", "j.smith", "marie.dupont", "k.tanaka",
      "olga.ivanova", "pablo.ruiz", "info", "support+orders", "t.kowalski"};
  private static final String[] DOMAINS = {"example.com", "example.org", "mail.example.net",
      "example.de"};
  private static final String[] PHONES = {"+44 20 7946 0123", "020 7946 0958", "+1 202-555-0147",
      "(202) 555-0182", "+49 30 901820", "+33 1 70 18 99 00", "+81 3-1234-5678",
      "+48 22 123 45 67"};
  private static final String[] IPS = {"192.0.2.15", "198.51.100.23", "203.0.113.77",
      "10.12.0.5", "2001:db8::1f2"};

  /** A planted value and its type: email, phone, ipv4 or ipv6. */
  record Planted(String type, String value) {}

  List<Planted> plant(List<String> blocks, String lang, SplittableRandom rnd) {
    String email = NAMES[rnd.nextInt(NAMES.length)] + "@" + DOMAINS[rnd.nextInt(DOMAINS.length)];
    String shown = rnd.nextInt(4) == 0 ? email.replace("@", " [at] ").replace(".", " [dot] ")
        : email;
    String phone = PHONES[rnd.nextInt(PHONES.length)];
    String ip = IPS[rnd.nextInt(IPS.length)];
    String line = lang.equals("eng")
        ? "For questions, write to " + shown + " or call " + phone
            + ". Our server logs showed requests from " + ip + " that day."
        : "✉ " + shown + " · ☎ " + phone + " · IP " + ip;
    int at = 1 + rnd.nextInt(blocks.size());
    blocks.add(Math.min(at, blocks.size()), line);
    List<Planted> planted = new ArrayList<>();
    planted.add(new Planted("email", shown));
    planted.add(new Planted("phone", phone));
    planted.add(new Planted(ip.contains(":") ? "ipv6" : "ipv4", ip));
    return planted;
  }
}
