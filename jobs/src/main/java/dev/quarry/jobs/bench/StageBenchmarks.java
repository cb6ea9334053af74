package dev.quarry.jobs.bench;

import dev.quarry.core.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The stages {@code quarry bench} knows, in pipeline order, and their baselines. */
public final class StageBenchmarks {
  /** Every stage, in the order a pipeline runs them (each reads the previous one's output). */
  public static final List<StageBenchmark> ALL =
      List.of(new IngestBenchmark(), new FilterBenchmark(), new DedupBenchmark(),
          new MixBenchmark(MixBenchmark.DEFAULT_SPEC));

  /** The stage name that means every stage, in order. */
  public static final String EVERY = "all";

  private StageBenchmarks() {}

  /** The stage names and {@code all}, for --help and messages. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(ALL.stream().map(StageBenchmark::name).toList());
    names.add(EVERY);
    return names;
  }

  /** The stages {@code name} means: one, or all of them for {@code all}. */
  public static List<StageBenchmark> select(String name) {
    if (EVERY.equals(name)) {
      return ALL;
    }
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst().map(List::of)
        .orElseThrow(() -> new ConfigException("command line", "STAGE", "unknown stage '"
            + name + "'; stages: " + String.join(", ", names())));
  }

  /**
   * The baselines the names ask for, by the stage they belong to (in stage order).
   *
   * @throws ConfigException naming --baseline and every baseline of the stages when a name is
   *     unknown
   */
  public static Map<StageBenchmark, List<Baseline>> baselines(List<StageBenchmark> stages,
      List<String> names) {
    Map<StageBenchmark, List<Baseline>> chosen = new LinkedHashMap<>();
    for (String name : names) {
      StageBenchmark owner = stages.stream().filter(s -> s.baselines().containsKey(name))
          .findFirst().orElseThrow(() -> new ConfigException("command line", "--baseline",
              "unknown baseline '" + name + "'; " + known(stages)));
      List<Baseline> list = chosen.computeIfAbsent(owner, k -> new ArrayList<>());
      if (list.stream().noneMatch(b -> b.name().equals(name))) {
        list.add(owner.baselines().get(name));
      }
    }
    return chosen;
  }

  private static String known(List<StageBenchmark> stages) {
    return stages.stream().map(s -> s.baselines().isEmpty() ? s.name() + " has no baselines"
            : s.name() + " has " + s.baselines().values().stream()
                .map(b -> b.name() + " (" + b.description() + ")")
                .sorted().collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }
}
