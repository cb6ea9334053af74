package dev.quarry.mixes.tokenize;

/**
 * Turns document text into token ids and back. Implementations are safe to share between the
 * threads of one executor: load one per JVM and use it from every task.
 */
public interface Tokenizer {

  /**
   * The ids of ordinary text. Special-token strings inside the text (a literal
   * {@code "<|endoftext|>"} in a crawled page) are encoded as plain text, never as the special
   * id: only the mix writer places end-of-document ids, so a document cannot forge a boundary.
   */
  int[] encode(String text);

  /** The text of the first {@code length} ids of {@code tokens}; special ids give their string. */
  String decode(int[] tokens, int length);

  /** One more than the largest id, special tokens included: the id range a shard must hold. */
  default int vocabSize() {
    return identity().vocabSize();
  }

  /** What a mix records to tell whether two mixes used the same vocabulary and ids. */
  TokenizerIdentity identity();
}
