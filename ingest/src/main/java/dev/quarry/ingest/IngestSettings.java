package dev.quarry.ingest;

import dev.quarry.core.config.Check;
import dev.quarry.core.config.YamlConfig;
import java.io.Serializable;
import java.util.List;

/**
 * What one ingest reads and how (the {@code ingest} stage of a pipeline, or the flags of
 * {@code quarry ingest}). Everything here affects the output, so all of it is part of the
 * fingerprint.
 *
 * @param source name recorded in every document's {@code source} (e.g. {@code cc})
 * @param crawl crawl id for {@code crawl}; when null, taken from the WARC's warcinfo isPartOf
 * @param textField JSONL field / Parquet column holding the text
 * @param idField JSONL field / Parquet column with the upstream id (kept in tags.source_id)
 * @param urlField JSONL field / Parquet column with the URL
 * @param maxRecordBytes records larger than this are rejected as record_too_large unread
 * @param maxErrorRate the job fails when errors / records_in exceeds this
 */
public record IngestSettings(
    String source,
    InputFormat format,
    List<String> input,
    String crawl,
    String textField,
    String idField,
    String urlField,
    Long maxRecordBytes,
    Double maxErrorRate) implements YamlConfig.Validated, Serializable {

  public static final long DEFAULT_MAX_RECORD_BYTES = 32L << 20;
  public static final double DEFAULT_MAX_ERROR_RATE = 0.01;

  public IngestSettings {
    input = input == null ? List.of() : List.copyOf(input);
    textField = textField == null ? "text" : textField;
    idField = idField == null ? "id" : idField;
    urlField = urlField == null ? "url" : urlField;
    maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
    maxErrorRate = maxErrorRate == null ? DEFAULT_MAX_ERROR_RATE : maxErrorRate;
  }

  @Override
  public void validate() {
    Check.identifier(source, "source");
    Check.that(format != null, "format",
        "is required; allowed: warc, wet, jsonl, parquet, text");
    Check.notEmpty(input, "input");
    Check.each(input, "input", glob -> Check.notBlank(glob, ""));
    Check.notBlank(textField, "text_field");
    Check.positive(maxRecordBytes, "max_record_bytes");
    Check.between(maxErrorRate, 0.0, 1.0, "max_error_rate");
  }
}
