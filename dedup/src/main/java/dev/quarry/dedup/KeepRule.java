package dev.quarry.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.quarry.core.config.ConfigException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which copy of a duplicate cluster is kept: the first by the configured keys, each an
 * {@code attrs} value ({@code {attr: quality, order: desc}}) or a document column
 * ({@code {column: fetched_at, order: asc}}), and always the smallest id last, so that the
 * choice never depends on the order Spark happens to see the rows in. A missing value sorts
 * after every present one, whatever the order. The default keeps the earliest fetched copy.
 *
 * <p>Columns: {@code fetched_at}, {@code lang_score}, {@code text_chars} (the text's length in
 * UTF-16 chars: "the longest copy" is {@code {column: text_chars, order: desc}}).
 */
public record KeepRule(@JsonValue List<Key> keys) implements Serializable {
  public static final List<String> COLUMNS = List.of("fetched_at", "lang_score", "text_chars");

  /** Ascending or descending. */
  public enum Order {
    ASC, DESC;

    @JsonCreator
    public static Order of(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("order must be asc or desc (got '" + name + "')");
      }
    }

    @JsonValue
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One sort key: exactly one of {@code attr} and {@code column}, and its order. */
  public record Key(String attr, String column, Order order) implements Serializable {
    public Key {
      order = order == null ? Order.ASC : order;
    }

    public static Key attr(String name, Order order) {
      return new Key(name, null, order);
    }

    public static Key column(String name, Order order) {
      return new Key(null, name, order);
    }

    void validate(String field) {
      if ((attr == null) == (column == null)) {
        throw new ConfigException(field, "give exactly one of attr (an attrs key, e.g. "
            + "quality) and column (one of " + COLUMNS + ")");
      }
      if (attr != null && attr.isBlank()) {
        throw new ConfigException(field + ".attr", "must not be blank");
      }
      if (column != null && !COLUMNS.contains(column)) {
        throw new ConfigException(field + ".column", "unknown column '" + column + "'; use one of "
            + COLUMNS + " (or attr: for an attrs value)");
      }
    }
  }

  /** The values of one document the rule compares. */
  public record Candidate(String id, Map<String, Double> attrs, Instant fetchedAt,
      Double langScore, int textChars) {}

  public KeepRule {
    keys = keys == null ? List.of(Key.column("fetched_at", Order.ASC)) : List.copyOf(keys);
  }

  /** The rule as YAML writes it: a list of keys. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static KeepRule of(List<Key> keys) {
    return new KeepRule(keys == null ? List.of() : keys);
  }

  public static KeepRule defaults() {
    return new KeepRule(null);
  }

  public void validate(String field) {
    for (int i = 0; i < keys.size(); i++) {
      keys.get(i).validate(field + "[" + i + "]");
    }
  }

  /** Orders candidates so that the one to keep comes first. */
  public Comparator<Candidate> comparator() {
    Comparator<Candidate> order = (a, b) -> 0;
    for (Key key : keys) {
      order = order.thenComparing(byKey(key));
    }
    return order.thenComparing(Candidate::id);
  }

  private static Comparator<Candidate> byKey(Key key) {
    if (key.attr() != null) {
      return missingLast(c -> c.attrs() == null ? null : c.attrs().get(key.attr()), key.order());
    }
    return switch (key.column()) {
      case "fetched_at" -> missingLast(Candidate::fetchedAt, key.order());
      case "lang_score" -> missingLast(Candidate::langScore, key.order());
      default -> missingLast(c -> c.textChars(), key.order());
    };
  }

  private static <T extends Comparable<T>> Comparator<Candidate> missingLast(
      java.util.function.Function<Candidate, T> value, Order order) {
    Comparator<T> natural = Comparator.naturalOrder();
    Comparator<T> directed = order == Order.DESC ? natural.reversed() : natural;
    return Comparator.comparing(value, Comparator.nullsLast(directed));
  }

  /** The rule in words, for logs and the manifest: {@code attrs.quality desc, id asc}. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Key key : keys) {
      out.append(key.attr() != null ? "attrs." + key.attr() : key.column()).append(' ')
          .append(key.order().key()).append(", ");
    }
    return out.append("id asc").toString();
  }
}
