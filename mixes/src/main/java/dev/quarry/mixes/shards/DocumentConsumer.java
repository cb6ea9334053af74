package dev.quarry.mixes.shards;

import java.io.IOException;

/** Receives the documents of a shard in order, from a shard reader. */
@FunctionalInterface
public interface DocumentConsumer {
  /**
   * One document.
   *
   * @param index the document's position in the shard, from 0
   * @param tokens its tokens in {@code tokens[0..length)}; the array is reused for the next
   *     document, so copy what must outlive the call
   * @param length how many tokens it has
   */
  void accept(int index, int[] tokens, int length) throws IOException;
}
