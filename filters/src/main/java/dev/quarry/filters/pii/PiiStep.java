package dev.quarry.filters.pii;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quarry.core.Document;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.TextScrubber;
import dev.quarry.filters.Threshold;
import dev.quarry.filters.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code pii} step: a modifier that rewrites PII in {@code text} by the configured action
 * per type, and keeps the document — or drops it ({@code pii_too_many_entities}) past
 * {@code max_entities}. Per document it records {@code attrs["pii.<type>"]} (values changed of
 * each type) and {@code attrs["pii.total"]}, and the changed spans' places in the new text as
 * the tag {@code pii.spans} ({@code email:10-17,phone:40-55}); never an original value.
 */
public final class PiiStep implements TextScrubber {
  public static final String NAME = "pii";
  public static final String REASON = "pii_too_many_entities";
  public static final String ATTR_PREFIX = "pii.";
  public static final String TOTAL_ATTR = "pii.total";
  public static final String SPANS_TAG = "pii.spans";
  /** The environment variable that holds the HMAC key unless {@code hash_key_env} names another. */
  public static final String DEFAULT_HASH_KEY_ENV = "QUARRY_PII_HASH_KEY";
  static final Set<String> IP_RANGES =
      Set.of("public", "private", "loopback", "link_local", "documentation");

  /**
   * {@code actions}: per type ({@code email}, {@code phone}, {@code ip_address},
   * {@code credit_card}, {@code iban}, {@code us_ssn}, {@code secret}) one of {@code redact}
   * (default), {@code replace}, {@code hash}, {@code keep}; {@code keep_ip_ranges}: IP ranges
   * left as they are; {@code hash_key_env}: the environment variable holding the HMAC key;
   * {@code max_entities}: drop a document with more changed values than this (off by default).
   */
  public record Params(Map<String, String> actions,
      @JsonProperty("keep_ip_ranges") List<String> keepIpRanges,
      @JsonProperty("hash_key_env") String hashKeyEnv,
      @JsonProperty("max_entities") Threshold maxEntities) implements YamlConfig.Validated {
    public Params {
      actions = actions == null ? Map.of() : Map.copyOf(actions);
      keepIpRanges = keepIpRanges == null ? List.of() : List.copyOf(keepIpRanges);
      hashKeyEnv = hashKeyEnv == null ? DEFAULT_HASH_KEY_ENV : hashKeyEnv;
      maxEntities = maxEntities == null ? Threshold.OFF : maxEntities;
    }

    public static Params defaults() {
      return new Params(null, null, null, null);
    }

    @Override
    public void validate() {
      Map<PiiType, PiiAction> byType = actionsByType();
      for (int i = 0; i < keepIpRanges.size(); i++) {
        if (!IP_RANGES.contains(keepIpRanges.get(i))) {
          throw new ConfigException("keep_ip_ranges[" + i + "]", "unknown range '"
              + keepIpRanges.get(i) + "'; use " + IP_RANGES.stream().sorted().toList());
        }
      }
      maxEntities.requireWhole(0, Integer.MAX_VALUE, "max_entities");
      if (byType.containsValue(PiiAction.HASH)) {
        hashKey(System::getenv);
      }
    }

    Map<PiiType, PiiAction> actionsByType() {
      Map<PiiType, PiiAction> byType = new EnumMap<>(PiiType.class);
      actions.forEach((type, action) -> {
        try {
          byType.put(PiiType.ofKey(type), PiiAction.of(action));
        } catch (IllegalArgumentException e) {
          throw new ConfigException("actions." + type, e.getMessage());
        }
      });
      return byType;
    }

    /** The HMAC key from the environment; an error naming the variable when it is unset. */
    byte[] hashKey(Function<String, String> environment) {
      String key = environment.apply(hashKeyEnv);
      if (key == null || key.isEmpty()) {
        throw new ConfigException("hash_key_env", "the hash action needs a secret key in the "
            + "environment variable " + hashKeyEnv + " (on the driver and every executor, e.g. "
            + "spark.executorEnv." + hashKeyEnv + "); it is not set");
      }
      return key.getBytes(StandardCharsets.UTF_8);
    }
  }

  private final PiiScrubber scrubber;
  private final Threshold maxEntities;

  public PiiStep(Params params) {
    this(params, PiiDetectors.all(), System::getenv);
  }

  PiiStep(Params params, List<PiiDetector> detectors, Function<String, String> environment) {
    Map<PiiType, PiiAction> actions = params.actionsByType();
    this.scrubber = new PiiScrubber(detectors, actions, Set.copyOf(params.keepIpRanges()),
        actions.containsValue(PiiAction.HASH) ? params.hashKey(environment) : null);
    this.maxEntities = params.maxEntities();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Verdict apply(Document document) {
    PiiScrubber.Result result = scrub(document.text(), document);
    Document scrubbed = annotate(document, result);
    return maxEntities.exceededBy(result.total())
        ? Verdict.drop(scrubbed, REASON) : Verdict.keep(scrubbed);
  }

  @Override
  public Document scrub(Document document) {
    return annotate(document, scrub(document.text(), document));
  }

  private PiiScrubber.Result scrub(String text, Document document) {
    return scrubber.scrub(text == null ? "" : text,
        new PiiContext(document.lang(), document.url()));
  }

  private static Document annotate(Document document, PiiScrubber.Result result) {
    Map<String, Double> attrs = new HashMap<>();
    result.counts().forEach((type, n) -> attrs.put(ATTR_PREFIX + type.key(), (double) n));
    attrs.put(TOTAL_ATTR, (double) result.total());
    Document annotated = document.withAttrs(attrs);
    if (result.total() == 0) {
      return annotated;
    }
    StringBuilder spans = new StringBuilder();
    for (PiiSpan span : result.spans()) {
      if (spans.length() > 0) {
        spans.append(',');
      }
      spans.append(span.type().key()).append(':').append(span.start()).append('-')
          .append(span.end());
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(SPANS_TAG, spans.toString());
    return annotated.withText(result.text()).withTags(tags);
  }
}
