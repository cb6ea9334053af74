package dev.quarry.mixes.shards;

import java.util.Objects;

/**
 * One row of an OLMo {@code .csv.gz}: where a document lies in the {@code .npy} beside it and
 * where it came from.
 *
 * @param start the offset of its first token in the {@code .npy}, in tokens
 * @param end the offset after its last token (its end-of-document token), exclusive
 * @param id the document's id
 * @param src the source it was taken from
 * @param loc where in that source it was found
 */
public record OlmoRow(long start, long end, String id, String src, String loc) {
  public OlmoRow {
    Objects.requireNonNull(id, "id is null: every document row needs an id");
    Objects.requireNonNull(src, "src is null: pass the document's source, or \"\"");
    Objects.requireNonNull(loc, "loc is null: pass the document's location, or \"\"");
  }

  /** The document's tokens, {@code end - start}. */
  public long length() {
    return end - start;
  }
}
