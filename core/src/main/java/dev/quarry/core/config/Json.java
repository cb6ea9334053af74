package dev.quarry.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quarry.core.Hashing;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one JSON mapper (snake_case, ISO timestamps, sorted keys) used for manifests and config
 * hashes, plus secret redaction.
 */
public final class Json {
  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(secret|password|passwd|token|credential|access[_-]?key|private[_-]?key|api[_-]?key"
          + "|hmac[_-]?key).*");
  public static final String REDACTED = "***redacted***";

  private static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

  /** The settings every Quarry mapper shares (JSON for manifests, YAML for config files). */
  static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
    return builder
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
        .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON for " + value.getClass(), e);
    }
  }

  /** Canonical form (keys sorted at every level) so equal configs hash equally. */
  public static String canonical(Object value) {
    return sorted(tree(value)).toString();
  }

  public static String hash(Object value) {
    return Hashing.sha256Hex(canonical(value));
  }

  /** A copy with the value of every secret-looking key replaced. */
  public static JsonNode redacted(Object value) {
    JsonNode copy = tree(value).deepCopy();
    redactInPlace(copy);
    return copy;
  }

  private static void redactInPlace(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (SECRET_KEY.matcher(field.getKey()).matches() && !field.getValue().isNull()) {
          field.setValue(object.textNode(REDACTED));
        } else {
          redactInPlace(field.getValue());
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(Json::redactInPlace);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode out = MAPPER.createObjectNode();
      java.util.List<String> names = new java.util.ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      java.util.Collections.sort(names);
      for (String name : names) {
        out.set(name, sorted(object.get(name)));
      }
      return out;
    }
    if (node != null && node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = MAPPER.createArrayNode();
      node.forEach(child -> out.add(sorted(child)));
      return out;
    }
    return node;
  }
}
