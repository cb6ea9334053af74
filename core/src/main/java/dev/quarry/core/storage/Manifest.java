package dev.quarry.core.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a committed job output: what ran, on what, with which config, what it
 * wrote and where every record went. See docs/formats.md for the field reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
    String job,
    String quarryVersion,
    String gitCommit,
    Instant startedAt,
    Instant finishedAt,
    String sparkMaster,
    String sparkAppId,
    JsonNode config,
    String configHash,
    String fingerprint,
    List<InputRef> inputs,
    List<OutputFile> outputs,
    Map<String, Object> accounting,
    Map<String, Object> stats) {

  /** An input: a raw file (size, modification time) or a Quarry dataset (its manifest hash). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InputRef(String path, Long size, Instant modified, String manifestHash) {
    public static InputRef raw(RawFile file) {
      return new InputRef(file.uri(), file.size(), Instant.ofEpochMilli(file.modifiedMillis()),
          null);
    }

    public static InputRef dataset(String path, String manifestHash) {
      return new InputRef(path, null, null, manifestHash);
    }

    /** What this input contributes to a fingerprint. */
    public String fingerprintPart() {
      return manifestHash != null ? path + "@" + manifestHash
          : path + "@" + size + "@" + (modified == null ? "" : modified.toEpochMilli());
    }
  }

  /** A file the job wrote, relative to the output directory. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OutputFile(String path, Long rows, long bytes) {}
}
