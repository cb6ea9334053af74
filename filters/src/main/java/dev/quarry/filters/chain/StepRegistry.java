package dev.quarry.filters.chain;

import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.Json;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds steps by name. Each factory declares a parameters record; parameters are read into it
 * with the config rules (unknown keys and bad values fail with the field's path and what is
 * allowed, then the record's own {@code validate()} runs).
 */
public final class StepRegistry {
  private record Factory<P>(Class<P> params, Function<P, DocumentStep> build) {
    DocumentStep create(String json, String origin) {
      return build.apply(YamlConfig.parse(json, origin, params));
    }
  }

  private final Map<String, Factory<?>> factories = new TreeMap<>();

  public <P> StepRegistry register(String name, Class<P> params,
      Function<P, DocumentStep> build) {
    if (factories.putIfAbsent(name, new Factory<>(params, build)) != null) {
      throw new IllegalStateException("step '" + name + "' is registered twice");
    }
    return this;
  }

  public List<String> names() {
    return List.copyOf(factories.keySet());
  }

  /** The steps of {@code config}, in order; errors name {@code steps[i]...} in {@code origin}. */
  public List<DocumentStep> build(ChainConfig config, String origin) {
    List<DocumentStep> steps = new ArrayList<>();
    for (int i = 0; i < config.steps().size(); i++) {
      ChainConfig.StepConfig step = config.steps().get(i);
      String field = "steps[" + i + "]";
      Factory<?> factory = factories.get(step.name());
      if (factory == null) {
        throw new ConfigException(origin, field + ".name", "unknown step '" + step.name()
            + "'; known steps: " + names());
      }
      try {
        steps.add(factory.create(Json.mapper().writeValueAsString(step.params()), origin));
      } catch (ConfigException e) {
        throw new ConfigException(origin, nested(field + ".params", e.field()), e.problem());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new ConfigException(origin, field + ".params", "cannot read: " + e.getMessage());
      }
    }
    return steps;
  }

  private static String nested(String parent, String field) {
    return field == null || field.isEmpty() ? parent
        : field.startsWith("[") ? parent + field : parent + "." + field;
  }
}
