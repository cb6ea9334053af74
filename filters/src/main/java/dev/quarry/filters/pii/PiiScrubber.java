package dev.quarry.filters.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds PII with the detectors and rewrites the text by a policy; Spark-free, one document at a
 * time. Where detectors' spans overlap, the one that starts first wins, and of those the
 * longest. What it reports — counts per type and the changed spans' places in the new text —
 * never includes an original value.
 */
public final class PiiScrubber {
  /** The scrubbed text, how many values of each type were changed, and where they now are. */
  public record Result(String text, Map<PiiType, Integer> counts, List<PiiSpan> spans) {
    public int total() {
      return spans.size();
    }
  }

  private static final Comparator<PiiSpan> FIRST_THEN_LONGEST =
      Comparator.comparingInt(PiiSpan::start).thenComparing(
          Comparator.comparingInt(PiiSpan::length).reversed());

  private final List<PiiDetector> detectors;
  private final Map<PiiType, PiiAction> actions;
  private final Set<String> keptIpRanges;
  private final byte[] hashKey;

  /**
   * @param actions what to do per type (a type not in the map is redacted)
   * @param keptIpRanges IP ranges left in the text ({@code private}, {@code loopback}...)
   * @param hashKey the HMAC key for {@link PiiAction#HASH}; null when no type is hashed
   */
  public PiiScrubber(List<PiiDetector> detectors, Map<PiiType, PiiAction> actions,
      Set<String> keptIpRanges, byte[] hashKey) {
    this.detectors = List.copyOf(detectors);
    this.actions = new EnumMap<>(PiiType.class);
    this.actions.putAll(actions);
    this.keptIpRanges = Set.copyOf(keptIpRanges);
    this.hashKey = hashKey == null ? null : hashKey.clone();
    if (this.hashKey == null && this.actions.containsValue(PiiAction.HASH)) {
      throw new IllegalArgumentException("the hash action needs a key");
    }
  }

  private PiiAction actionFor(PiiSpan span) {
    if (span.type() == PiiType.IP_ADDRESS && keptIpRanges.contains(span.detail())) {
      return PiiAction.KEEP;
    }
    return actions.getOrDefault(span.type(), PiiAction.REDACT);
  }

  /** The values the detectors find, overlaps resolved, in text order (before any action). */
  public List<PiiSpan> find(String text, PiiContext context) {
    List<PiiSpan> found = new ArrayList<>();
    for (PiiDetector detector : detectors) {
      if (actions.getOrDefault(detector.type(), PiiAction.REDACT) != PiiAction.KEEP) {
        detector.find(text, context, found);
      }
    }
    if (found.size() < 2) {
      return found;
    }
    found.sort(FIRST_THEN_LONGEST);
    List<PiiSpan> resolved = new ArrayList<>(found.size());
    int end = 0;
    for (PiiSpan span : found) {
      if (span.start() >= end) {
        resolved.add(span);
        end = span.end();
      }
    }
    return resolved;
  }

  public Result scrub(String text, PiiContext context) {
    List<PiiSpan> found = find(text == null ? "" : text, context);
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    if (found.isEmpty()) {
      return new Result(text, counts, List.of());
    }
    StringBuilder out = new StringBuilder(text.length());
    List<PiiSpan> changed = new ArrayList<>(found.size());
    Map<String, String> fakes = new HashMap<>();
    Map<PiiType, Integer> distinct = new EnumMap<>(PiiType.class);
    int last = 0;
    for (PiiSpan span : found) {
      PiiAction action = actionFor(span);
      if (action == PiiAction.KEEP) {
        continue;
      }
      String value = text.substring(span.start(), span.end());
      String replacement = switch (action) {
        case REDACT -> span.type().placeholder();
        case HASH -> "<" + span.type().name() + ":" + hmac(span.type(), value) + ">";
        default -> fakes.computeIfAbsent(span.type().name() + '\u0000' + value,
            k -> Fakes.fake(span.type(), value, distinct.merge(span.type(), 1, Integer::sum)));
      };
      out.append(text, last, span.start());
      int start = out.length();
      out.append(replacement);
      changed.add(new PiiSpan(span.type(), start, out.length(), span.detail()));
      counts.merge(span.type(), 1, Integer::sum);
      last = span.end();
    }
    if (changed.isEmpty()) {
      return new Result(text, counts, List.of());
    }
    out.append(text, last, text.length());
    return new Result(out.toString(), counts, List.copyOf(changed));
  }

  /** The first 16 hex digits of HMAC-SHA256(key, type + value): stable, not reversible. */
  private String hmac(PiiType type, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
      mac.update(type.name().getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
