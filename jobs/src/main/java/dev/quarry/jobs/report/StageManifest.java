package dev.quarry.jobs.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One committed output a report covers: its stage (ingest, filter, dedup, mix), its name (the
 * source, or the mix version's label), where it is, its manifest, and what the run did with it
 * ({@code ran}, {@code up_to_date}; null when the report was made from the output alone).
 */
public record StageManifest(String stage, String name, String uri, JsonNode manifest,
    String outcome) {
  /** The stages in pipeline order. */
  public static final List<String> STAGES = List.of("ingest", "filter", "dedup", "mix");

  public StageManifest {
    if (!STAGES.contains(stage)) {
      throw new IllegalArgumentException("unknown stage '" + stage + "' of " + uri
          + "; a report covers " + STAGES);
    }
  }

  /** Position of the stage in pipeline order, for sorting. */
  public int order() {
    return STAGES.indexOf(stage);
  }

  /** "filter sample-warc", "dedup", "mix demo@v0001". */
  public String label() {
    return name == null || name.isEmpty() ? stage : stage + " " + name;
  }
}
