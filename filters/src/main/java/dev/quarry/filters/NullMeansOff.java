package dev.quarry.filters;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * For a rule's on/off switch ({@code Boolean} component of a params record, annotated
 * {@code @JsonDeserialize(using = NullMeansOff.class)}): {@code null} in YAML switches the rule
 * off like {@code false} does, as it does for a {@link Threshold}; an absent key stays null so
 * the record puts its default there.
 */
public final class NullMeansOff extends StdDeserializer<Boolean> {
  public NullMeansOff() {
    super(Boolean.class);
  }

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    return context.readValue(parser, Boolean.class);
  }

  @Override
  public Boolean getNullValue(DeserializationContext context) {
    return Boolean.FALSE;
  }

  @Override
  public Object getAbsentValue(DeserializationContext context) {
    return null;
  }
}
