package dev.quarry.filters;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.quarry.core.config.Check;
import java.io.IOException;

/**
 * A numeric step parameter that YAML can leave out (the step's default applies), set to a number,
 * or set to {@code null} (also {@code ~} or nothing after the colon) to switch its rule off:
 *
 * <pre>
 * params:
 *   min_words: 20          # changed
 *   max_words: null        # this rule is off
 *                          # every other threshold keeps its default
 * </pre>
 *
 * <p>Absent and {@code null} differ only while reading: a params record's constructor receives
 * {@code null} for an absent key (and puts its default there) and {@link #OFF} for an explicit
 * {@code null}. Written back (manifests), an off threshold is {@code null} again.
 */
@JsonDeserialize(using = Threshold.Reader.class)
public final class Threshold {
  public static final Threshold OFF = new Threshold(Double.NaN);

  private final double value;

  private Threshold(double value) {
    this.value = value;
  }

  public static Threshold of(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("a threshold is a number");
    }
    return new Threshold(value);
  }

  /** {@code given} when the key was in the YAML (a number or {@link #OFF}), else the default. */
  public static Threshold orDefault(Threshold given, double defaultValue) {
    return given != null ? given : of(defaultValue);
  }

  public boolean on() {
    return this != OFF;
  }

  /** The value; only meaningful when {@link #on()}. */
  public double value() {
    return value;
  }

  /** The value as a whole number; {@link #requireWhole} in {@code validate()} makes it exact. */
  public int intValue() {
    return (int) value;
  }

  /** Whether this maximum is on and {@code measured} is above it. */
  public boolean exceededBy(double measured) {
    return on() && measured > value;
  }

  /** Whether this minimum is on and {@code measured} is below it. */
  public boolean notReachedBy(double measured) {
    return on() && measured < value;
  }

  /** {@code part / whole}, or 0 for an empty whole (nothing measured, nothing to drop for). */
  public static double ratio(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }

  /** Null when off: how the resolved config shows it. */
  @JsonValue
  public Double json() {
    return on() ? value : null;
  }

  /** Fails (naming {@code field}) unless the threshold is off or within [min, max]. */
  public Threshold requireBetween(double min, double max, String field) {
    if (on()) {
      Check.between(value, min, max, field);
    }
    return this;
  }

  /** Fails unless the threshold is off or a whole number within [min, max]. */
  public Threshold requireWhole(long min, long max, String field) {
    if (on()) {
      Check.that(value == Math.rint(value), field, "must be a whole number (got " + value + ")");
      requireBetween(min, max, field);
    }
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Threshold t && Double.compare(t.value, value) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(value);
  }

  @Override
  public String toString() {
    return on() ? Double.toString(value) : "off";
  }

  /** Numbers become thresholds, {@code null} becomes {@link #OFF}, a missing key stays null. */
  static final class Reader extends StdDeserializer<Threshold> {
    Reader() {
      super(Threshold.class);
    }

    @Override
    public Threshold deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        double value = parser.getDoubleValue();
        if (Double.isFinite(value)) {
          return of(value);
        }
      }
      throw InvalidFormatException.from(parser, "expected a number, or null to switch the rule"
          + " off", parser.getText(), Threshold.class);
    }

    @Override
    public Threshold getNullValue(DeserializationContext context) {
      return OFF;
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return null;
    }
  }
}
