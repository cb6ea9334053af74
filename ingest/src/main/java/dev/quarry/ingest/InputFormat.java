package dev.quarry.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

/** The raw input formats Quarry reads. */
public enum InputFormat {
  /** WARC files: HTML {@code response} records are extracted; {@code conversion} records kept as is. */
  WARC,
  /** WET files (WARC with {@code conversion} records holding extracted text). */
  WET,
  /** JSON Lines, plain, {@code .gz} or {@code .zst}, one document per line. */
  JSONL,
  /** Parquet files with a text column. */
  PARQUET,
  /** Plain text files (optionally {@code .gz}/{@code .zst}), one document per file. */
  TEXT;

  @JsonValue
  @Override
  public String toString() {
    return name().toLowerCase();
  }
}
