package dev.quarry.mixes.shards;

import java.io.IOException;

/**
 * A shard file that cannot be read at all, as opposed to a stream that failed: checks report
 * it as a problem of the shard rather than pass it on.
 */
final class ShardFormatException extends IOException {
  ShardFormatException(String message) {
    super(message);
  }
}
