package dev.quarry.filters.lists;

import dev.quarry.core.Document;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Drops a document whose URL's host is a listed domain or a subdomain of one
 * ({@code url_blocked_domain}), or whose URL holds a banned word as a whole token
 * ({@code url_banned_word}): the URL lower-cased and split at every character that is not a
 * letter or digit, as datatrove's URLFilter matches its banned words, so {@code sex} does not
 * match {@code essex}. Documents without a URL are kept.
 */
public final class UrlBlocklist implements DocumentStep {
  public static final String NAME = "url_blocklist";
  public static final String BLOCKED_DOMAIN = "url_blocked_domain";
  public static final String BANNED_WORD = "url_banned_word";

  static final List<String> DEFAULT_DOMAINS =
      List.of(ListFiles.CLASSPATH + "lists/blocked-domains.txt");
  static final List<String> DEFAULT_BANNED_WORDS =
      List.of(ListFiles.CLASSPATH + "lists/banned-url-words.txt");

  /** List files (paths or URIs); left out, the example lists shipped in the jar. */
  public record Params(List<String> domains, List<String> bannedWords)
      implements YamlConfig.Validated {
    public Params {
      domains = domains == null ? DEFAULT_DOMAINS : domains;
      bannedWords = bannedWords == null ? DEFAULT_BANNED_WORDS : bannedWords;
    }

    public static Params defaults() {
      return new Params(null, null);
    }

    @Override
    public void validate() {
      ListFiles.checkPaths(domains, "domains");
      ListFiles.checkPaths(bannedWords, "banned_words");
    }
  }

  private final Set<String> domains;
  private final Set<String> bannedWords;

  public UrlBlocklist(Params params) {
    this.domains = ListFiles.cached("domains", "domains",
        ListFiles.checkPaths(params.domains(), "domains"), UrlBlocklist::domainSet);
    this.bannedWords = ListFiles.cached("url_words", "banned_words",
        ListFiles.checkPaths(params.bannedWords(), "banned_words"), Set::copyOf);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Document document) {
    String url = document.url();
    if (url == null || url.isBlank()) {
      return Verdict.keep(document);
    }
    if (!domains.isEmpty() && blockedHost(host(url))) {
      return Verdict.drop(document, BLOCKED_DOMAIN);
    }
    if (!bannedWords.isEmpty()) {
      for (String token : ListFiles.tokens(url)) {
        if (bannedWords.contains(token)) {
          return Verdict.drop(document, BANNED_WORD);
        }
      }
    }
    return Verdict.keep(document);
  }

  /** Whether {@code host} or any domain it is a subdomain of is listed. */
  private boolean blockedHost(String host) {
    for (String suffix = host; !suffix.isEmpty(); ) {
      if (domains.contains(suffix)) {
        return true;
      }
      int dot = suffix.indexOf('.');
      suffix = dot < 0 ? "" : suffix.substring(dot + 1);
    }
    return false;
  }

  /** Entries as domains: {@code *.} or {@code .} in front and a final dot are dropped. */
  private static Set<String> domainSet(List<String> entries) {
    Set<String> set = new HashSet<>();
    for (String entry : entries) {
      String domain = entry.startsWith("*.") ? entry.substring(2) : entry;
      domain = stripDots(domain);
      if (!domain.isEmpty()) {
        set.add(domain);
      }
    }
    return Set.copyOf(set);
  }

  /**
   * The host of a URL, lower-cased, without user info, port or final dot; "" if none. Lenient:
   * no exception on any string (a URL without a scheme is read as starting with its host).
   */
  static String host(String url) {
    int start = url.indexOf("://");
    start = start >= 0 ? start + 3 : url.startsWith("//") ? 2 : 0;
    int end = start;
    while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      authority = close < 0 ? authority.substring(1) : authority.substring(1, close);
    } else {
      int colon = authority.indexOf(':');
      if (colon >= 0) {
        authority = authority.substring(0, colon);
      }
    }
    return stripDots(authority.strip().toLowerCase(Locale.ROOT));
  }

  private static String stripDots(String domain) {
    int from = 0;
    int to = domain.length();
    while (from < to && domain.charAt(from) == '.') {
      from++;
    }
    while (to > from && domain.charAt(to - 1) == '.') {
      to--;
    }
    return domain.substring(from, to);
  }
}
