package dev.quarry.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.config.Json;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one bar chart in the report: named series and rows in the order they are drawn,
 * each row a label and one value per series ({@code {"series": [...], "rows": [{"key": ...,
 * "values": [...]}]}}). Every chart of the page is drawn from this one shape.
 */
final class Bars {
  private final List<String> series;
  private final Map<String, double[]> rows = new LinkedHashMap<>();

  Bars(String... series) {
    this(Arrays.asList(series));
  }

  Bars(List<String> series) {
    this.series = List.copyOf(series);
  }

  /** Adds {@code value} to the row {@code key} (created at the end) in series {@code index}. */
  Bars add(String key, int index, double value) {
    rows.computeIfAbsent(key, k -> new double[series.size()])[index] += value;
    return this;
  }

  /** Makes sure the row exists (with zeros), so it is drawn in this position. */
  Bars row(String key) {
    rows.computeIfAbsent(key, k -> new double[series.size()]);
    return this;
  }

  /** The rows sorted by the first series, largest first (ties: by key), cut to {@code max}. */
  Bars largestFirst(int max) {
    Bars out = new Bars(series);
    rows.entrySet().stream()
        .sorted((a, b) -> {
          int byValue = Double.compare(b.getValue()[0], a.getValue()[0]);
          return byValue != 0 ? byValue : a.getKey().compareTo(b.getKey());
        })
        .limit(max)
        .forEach(e -> out.rows.put(e.getKey(), e.getValue().clone()));
    return out;
  }

  ObjectNode toJson() {
    ObjectNode node = Json.mapper().createObjectNode();
    ArrayNode names = node.putArray("series");
    series.forEach(names::add);
    ArrayNode out = node.putArray("rows");
    rows.forEach((key, values) -> {
      ObjectNode row = out.addObject();
      row.put("key", key);
      ArrayNode v = row.putArray("values");
      for (double value : values) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
          v.add((long) value);
        } else {
          v.add(value);
        }
      }
    });
    return node;
  }
}
