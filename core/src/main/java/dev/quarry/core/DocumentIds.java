package dev.quarry.core;

/**
 * Stable 128-bit document ids.
 *
 * <p>The id hashes the source name and the record's position relative to the input's root
 * (e.g. {@code CC-MAIN-...-00001.warc.gz#83412}), not its absolute path, so moving a shard
 * between machines or buckets does not change the ids of its documents.
 */
public final class DocumentIds {
  private DocumentIds() {}

  public static String of(String source, String relativeLocation) {
    return Hashing.sha256Hex(source + '\u0000' + relativeLocation).substring(0, 32);
  }

}
