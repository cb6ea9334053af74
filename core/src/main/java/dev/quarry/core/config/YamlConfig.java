package dev.quarry.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Loads YAML into immutable records. Unknown keys and values of the wrong type or outside an
 * enum fail with the file, the field path and what is allowed; the record's own
 * {@code validate()} (if it implements {@link Validated}) runs before the value is returned.
 */
public final class YamlConfig {
  private static final ObjectMapper YAML = Json.configure(YAMLMapper.builder()).build();

  private YamlConfig() {}

  /** A config record that checks its own values; throws {@link ConfigException} on a bad one. */
  public interface Validated {
    void validate();
  }

  public static <T> T load(Path file, Class<T> type) {
    String origin = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(origin, null, "no such file");
    } catch (IOException e) {
      throw new ConfigException(origin, null, "cannot read: " + e.getMessage());
    }
    return parse(text, origin, type);
  }

  public static <T> T parse(String yaml, String origin, Class<T> type) {
    if (yaml.isBlank()) {
      throw new ConfigException(origin, null, "the file is empty");
    }
    T value;
    try {
      value = YAML.readValue(yaml, type);
    } catch (UnrecognizedPropertyException e) {
      String allowed = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
          .map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).toString();
      throw new ConfigException(origin, path(e), "unknown key '" + e.getPropertyName()
          + "'; allowed keys: " + allowed);
    } catch (InvalidFormatException e) {
      String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
          ? "; allowed: " + Arrays.stream(e.getTargetType().getEnumConstants())
              .map(c -> c.toString().toLowerCase()).toList()
          : "; expected " + simpleName(e.getTargetType());
      throw new ConfigException(origin, path(e), "bad value '" + e.getValue() + "'" + allowed);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException ce) {
        throw ce.under(path(e)).in(origin);
      }
      throw new ConfigException(origin, path(e), firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new ConfigException(origin, null, "not valid YAML: " + firstLine(e.getOriginalMessage())
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
    }
    if (value == null) {
      throw new ConfigException(origin, null, "the file is empty");
    }
    if (value instanceof Validated validated) {
      try {
        validated.validate();
      } catch (ConfigException e) {
        throw e.in(origin);
      }
    }
    return value;
  }

  private static String path(JsonMappingException e) {
    List<JsonMappingException.Reference> refs = e.getPath();
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      }
    }
    return sb.toString();
  }

  private static String simpleName(Class<?> type) {
    return type == null ? "another type" : type.getSimpleName().toLowerCase();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
