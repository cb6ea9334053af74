package dev.quarry.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.storage.OutputDir;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * Finds the outputs a report covers. From one committed output, its lineage: the output itself
 * and every Quarry dataset it was made from, followed upstream through the manifests
 * ({@code inputs[]} with a manifest hash; a mix version's {@code sources[].dataset}) down to the
 * ingest outputs, whose inputs are raw files.
 */
public final class ReportInputs {
  private ReportInputs() {}

  /** {@code uri} and everything upstream of it, in pipeline order. */
  public static List<StageManifest> lineage(String uri, Configuration conf) {
    Map<String, StageManifest> found = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>(List.of(uri));
    while (!pending.isEmpty()) {
      String next = pending.pop();
      OutputDir dir = new OutputDir(next, conf);
      if (found.containsKey(dir.uri())) {
        continue;
      }
      JsonNode manifest = dir.committedManifest().orElseThrow(() -> new ConfigException(
          "report", "'" + next + "' is not a committed Quarry output (no _SUCCESS and "
              + "manifest.json); give a stage output, a mix version directory or a run "
              + "directory (<work_dir>/runs/<run id>)"));
      StageManifest stage = of(dir.uri(), manifest, null);
      found.put(dir.uri(), stage);
      pending.addAll(upstream(manifest));
    }
    return sorted(found.values());
  }

  /** A committed output's manifest as the stage it belongs to. */
  public static StageManifest of(String uri, JsonNode manifest, String outcome) {
    String job = manifest.path("job").asText("");
    String name = switch (job) {
      case "mix" -> manifest.path("mix").asText() + "@" + manifest.path("version").asText();
      case "dedup" -> "";
      default -> lastSegment(uri);
    };
    return new StageManifest(job, name, uri, manifest, outcome);
  }

  /** The Quarry datasets a manifest names as its inputs (raw files are not followed). */
  static Set<String> upstream(JsonNode manifest) {
    Set<String> inputs = new LinkedHashSet<>();
    if (manifest.path("job").asText().equals("mix")) {
      manifest.path("sources").forEach(s -> inputs.add(s.path("dataset").asText()));
    } else {
      manifest.path("inputs").forEach(input -> {
        if (input.hasNonNull("manifest_hash")) {
          inputs.add(input.path("path").asText());
        }
      });
    }
    inputs.remove("");
    return inputs;
  }

  static List<StageManifest> sorted(java.util.Collection<StageManifest> stages) {
    List<StageManifest> out = new ArrayList<>(stages);
    out.sort(Comparator.comparingInt(StageManifest::order));
    return out;
  }

  private static String lastSegment(String uri) {
    String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
