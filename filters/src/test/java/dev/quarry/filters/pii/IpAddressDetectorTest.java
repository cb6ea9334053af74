package dev.quarry.filters.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressDetectorTest {
  private final IpAddressDetector detector = new IpAddressDetector();

  private List<String> found(String text) {
    return DetectorProbe.found(detector, text, "eng");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "89.225.196.169|public",
      "10.19.61.233|private",
      "172.31.255.1|private",
      "192.168.184.248|private",
      "100.64.0.7|private",
      "127.0.0.2|loopback",
      "169.254.9.95|link_local",
      "192.0.2.15|documentation",
      "198.51.100.245|documentation",
      "203.0.113.247|documentation",
      "2605:bea3:6c93:0:7229:e676:7b90:c36a|public",
      "2a02:6345:0f49:2e00:6719:51bb:26ec:759d|public",
      "2404:581c:52da:3c56::ea83:8c5f|public",
      "::1|loopback",
      "0000:0000:0000:0000:0000:0000:0000:0001|loopback",
      "fe80::67ad:40eb:631a:2f18|link_local",
      "fd3d:f104:747c:8f31:0:d957:d4a3:1316|private",
      "2001:db8:4f78:c205:0:b582:1fe8:f7fe|documentation",
      "::ffff:141.200.240.133|public",
      "::ffff:192.168.81.35|private",
      "::ffff:127.0.0.53|loopback",
  })
  void findsAnAddressWithItsRange(String address, String range) {
    assertThat(found("The client address was " + address + ", blocked.")).containsExactly(
        address + "/" + range);
  }

  @Test
  void findsAddressesInUrlsLogsAndHeadersWithoutPortsOrBrackets() {
    assertThat(found("curl http://[2001:db8:363c:828d::cca5:793f]:8080/health"))
        .containsExactly("2001:db8:363c:828d::cca5:793f/documentation");
    assertThat(found("upstream: \"http://172.18.129.206:9000/\", IP:10.0.0.138"))
        .containsExactly("172.18.129.206/private", "10.0.0.138/private");
    assertThat(found("X-Forwarded-For: 193.96.65.17, 10.208.193.31"))
        .containsExactly("193.96.65.17/public", "10.208.193.31/private");
    assertThat(found("93.26.141.92 - - [12/Mar/2025:10:41:07 +0100] \"GET / HTTP/1.1\" 200"))
        .containsExactly("93.26.141.92/public");
    assertThat(found("neighbour fe80::1%eth0 is reachable"))
        .containsExactly("fe80::1%eth0/link_local");
    assertThat(found("route 10.1.0.0/16 via 192.168.1.1:"))
        .containsExactly("10.1.0.0/private", "192.168.1.1/private");
  }

  @Test
  void smallOctetsNeedANetworkWord() {
    assertThat(found("Set the DNS server to 1.1.1.1 or 8.8.8.8."))
        .containsExactly("1.1.1.1/public", "8.8.8.8/public");
    assertThat(found("ping 10.0.0.1")).containsExactly("10.0.0.1/private");
    assertThat(found("Chapter numbering goes 1.1, 1.1.1, 1.1.1.1 in the style guide.")).isEmpty();
    assertThat(found("## [3.4.1.0] - 2024-05-02\n### Fixed")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Upgraded the driver from 1.2.3.4 to 1.2.3.7 and the crash is gone.",
      "Changelog v10.0.0.1 — fixed a race; V10.0.0.2 — improved logging.",
      "Please install version 2.1.0.3 or later; 2.1.0.2 has a leak.",
      "Bitte aktualisieren Sie auf Version 5.0.2.1, da 5.0.1.9 eine Lücke enthält.",
      "Wersja 2.7.1.4 naprawia błąd przy drukowaniu faktur.",
      "Обновление 11.2.0.7 исправляет ошибку; версия 12.40.1.200 тоже.",
      "バージョン 3.1.4.1 で起動時のクラッシュが修正されました。",
      "请将客户端升级到 5.6.2.1 版本，旧版本将停止服务。",
      "La versión 12.4.1.1 y el firmware 4.2.17.3",
      "OpenSSL 1.1.1w and OpenSSL/1.1.1.1 and Apache/2.4.58",
      "Section 4.2.1.3 of the standard; see § 12.4.1.1 and §10.1.1.1",
      "The SNMP OID 1.3.6.1.2.1.1.3.0 returns the uptime; also 1.2.3.4.5.",
      "<version>2.15.3.1</version> AssemblyVersion(\"1.0.0.0\")",
      "Eine Milliarde (1.000.000.000) Kilometer; 010.1.1.1 and 256.1.1.1 and 1.2.3",
      "The train leaves at 07:42:15; lap 1:32.415; at 2024-11-02T08:14:55.123+01:00",
      "MAC 00:1A:2B:3C:4D:5E and 00-1A-2B-3C-4D-5E",
      "std::vector<int> v; Foo::Bar::baz(); a[1::2]; dead:beef::cafe",
      "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "commit 3f9c2a7e1b8d4c6f0a5e9d2b7c1f8e3a6d4b0c92, uuid 550e8400-e29b-41d4",
      "netmask 255.255.255.0, listen on 0.0.0.0 and ::, multicast 224.0.0.251 and ff02::fb",
      "1.2.3.4-beta and 10.20.30.40x",
  })
  void versionsSectionsTimesAndHashesAreNotAddresses(String text) {
    assertThat(found(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "115.0.3.1 (2024-05-02): fixed a crash on start-up",
      "## 115.0.3.1\n- Fixed a crash when printing",
      "- 115.22.31.4: added dark mode",
      "[115.22.31.4] - 2024-05-02\n### Changed",
      "Release notes\n\nWe reworked the editor.\n\n115.22.31.4\nSmaller downloads.",
      "* 42.17.230.9 – 02.05.2024",
      "### 120.3.44.1\n* 修复了登录问题",
  })
  void changelogHeadingsAreVersionsHoweverLargeTheirParts(String text) {
    assertThat(found(text)).isEmpty();
  }

  @Test
  void addressesOpeningTheirLineInListsAndLogsAreStillAddresses() {
    assertThat(found("Blocked today:\n203.0.113.5\n198.51.100.7\n"))
        .containsExactly("203.0.113.5/documentation", "198.51.100.7/documentation");
    assertThat(found("81.2.69.160 - - [10/Oct/2024:13:55:36 +0200] \"GET /fixes HTTP/1.1\""))
        .containsExactly("81.2.69.160/public");
    assertThat(found("81.2.69.160 2024-05-02T10:00:00 added to the allow list"))
        .containsExactly("81.2.69.160/public");
    assertThat(found("81.2.69.160 2024-05-02 10:00:00 fixed"))
        .containsExactly("81.2.69.160/public");
    assertThat(found("Changelog\n- 81.2.69.160: new server for the EU mirror"))
        .containsExactly("81.2.69.160/public");
  }

  @Test
  void parsesStrictly() {
    int[] explicit = new int[1];
    assertThat(IpLiterals.ipv4("0.0.0.0", 0, 7)).isZero();
    assertThat(IpLiterals.ipv4("01.2.3.4", 0, 8)).isNegative();
    assertThat(IpLiterals.ipv6("1:2:3:4:5:6:7:8:9", 0, 17, explicit)).isNull();
    assertThat(IpLiterals.ipv6("1::2::3", 0, 7, explicit)).isNull();
    assertThat(IpLiterals.ipv6("12345::1", 0, 8, explicit)).isNull();
    assertThat(IpLiterals.ipv6("1:2:3:4:5:6:7:", 0, 14, explicit)).isNull();
    assertThat(IpLiterals.ipv6("::ffff:1.2.3.4", 0, 14, explicit))
        .containsExactly(0, 0, 0, 0, 0, 0xFFFF, 0x0102, 0x0304);
    assertThat(explicit[0]).isEqualTo(3);
    assertThat(IpLiterals.ipv6("1:2:3:4:5:6:7::", 0, 15, explicit)).isNotNull();
  }

  @Test
  void neverThrowsAndStaysLinear() {
    DetectorProbe.assertNeverThrowsAndStaysLinear(detector, "eng");
  }
}
