package dev.quarry.core.stats;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named counters and histograms that merge across partitions and executors. A stage builds one
 * per partition and reduces them; the result goes into the stage's manifest.
 */
public final class Stats implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<String, Long> counters = new TreeMap<>();
  private final TreeMap<String, Histogram> histograms = new TreeMap<>();
  private final TreeMap<String, ScoreHistogram> scores = new TreeMap<>();

  public Stats increment(String counter) {
    return add(counter, 1);
  }

  public Stats add(String counter, long delta) {
    counters.merge(counter, delta, Long::sum);
    return this;
  }

  public Stats observe(String histogram, long value) {
    histograms.computeIfAbsent(histogram, k -> new Histogram()).add(value);
    return this;
  }

  /** Adds a score to a linear-bucket {@link ScoreHistogram} (summarised under "scores"). */
  public Stats observeScore(String histogram, double value) {
    scores.computeIfAbsent(histogram, k -> new ScoreHistogram()).add(value);
    return this;
  }

  public Stats merge(Stats other) {
    other.counters.forEach((k, v) -> counters.merge(k, v, Long::sum));
    other.histograms.forEach((k, v) ->
        histograms.computeIfAbsent(k, x -> new Histogram()).merge(v));
    other.scores.forEach((k, v) ->
        scores.computeIfAbsent(k, x -> new ScoreHistogram()).merge(v));
    return this;
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  public Map<String, Long> counters() {
    return Map.copyOf(counters);
  }

  /** Counters whose name starts with {@code prefix}, with the prefix removed. */
  public Map<String, Long> countersWithPrefix(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  public Histogram histogram(String name) {
    return histograms.get(name);
  }

  /** JSON-friendly view for the manifest. */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("counters", new TreeMap<>(counters));
    Map<String, Object> hist = new TreeMap<>();
    histograms.forEach((k, v) -> hist.put(k, v.summary()));
    out.put("histograms", hist);
    if (!scores.isEmpty()) {
      Map<String, Object> linear = new TreeMap<>();
      scores.forEach((k, v) -> linear.put(k, v.summary()));
      out.put("scores", linear);
    }
    return out;
  }
}
