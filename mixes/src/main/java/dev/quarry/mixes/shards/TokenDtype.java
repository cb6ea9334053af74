package dev.quarry.mixes.shards;

/**
 * The integer type a shard stores token ids in. Megatron indexed datasets use uint16 or int32
 * (by their dtype codes 8 and 4); OLMo token files use uint16 or uint32. Both pick the narrow
 * type whenever the vocabulary fits, halving the size of the shards.
 */
public enum TokenDtype {
  UINT16(2, 8, 0xFFFFL),
  INT32(4, 4, Integer.MAX_VALUE),
  // Megatron has no uint32 code; OLMo's uint32 ids above 2^31 - 1 cannot occur for an int id.
  UINT32(4, -1, 0xFFFF_FFFFL);

  /** Megatron-LM picks int32 from this vocabulary size on (its own threshold, not 65536). */
  static final int MEGATRON_UINT16_BELOW = 65_500;
  static final int OLMO_UINT16_UP_TO = 65_536;

  private final int bytes;
  private final int megatronCode;
  private final long maxId;

  TokenDtype(int bytes, int megatronCode, long maxId) {
    this.bytes = bytes;
    this.megatronCode = megatronCode;
    this.maxId = maxId;
  }

  /** The dtype Megatron-LM chooses: uint16 when the vocabulary is below 65,500, else int32. */
  public static TokenDtype megatron(int vocabSize) {
    requirePositive(vocabSize);
    return vocabSize < MEGATRON_UINT16_BELOW ? UINT16 : INT32;
  }

  /** The dtype OLMo chooses: uint16 when the vocabulary has at most 65,536 ids, else uint32. */
  public static TokenDtype olmo(int vocabSize) {
    requirePositive(vocabSize);
    return vocabSize <= OLMO_UINT16_UP_TO ? UINT16 : UINT32;
  }

  /** The dtype of a Megatron {@code .idx} dtype code (8 or 4). */
  public static TokenDtype ofMegatronCode(int code) {
    for (TokenDtype dtype : values()) {
      if (dtype.megatronCode == code) {
        return dtype;
      }
    }
    throw new IllegalArgumentException("Megatron dtype code " + code + " is not a token type"
        + " these shards use: expected 8 (uint16) or 4 (int32)");
  }

  /** Bytes a token takes in the file. */
  public int bytes() {
    return bytes;
  }

  /** The code Megatron's {@code .idx} stores for this dtype; there is none for UINT32. */
  public int megatronCode() {
    if (megatronCode < 0) {
      throw new IllegalArgumentException(this + " has no Megatron dtype code (Megatron stores"
          + " uint16 or int32): choose the dtype with TokenDtype.megatron(vocabSize)");
    }
    return megatronCode;
  }

  /** Whether {@code tokenId} can be stored in this dtype. */
  public boolean fits(int tokenId) {
    return tokenId >= 0 && tokenId <= maxId;
  }

  /** Throws unless {@code tokenId} can be stored in this dtype. */
  public void requireFits(int tokenId) {
    if (tokenId < 0) {
      throw new IllegalArgumentException("token id " + tokenId + " is negative: token ids are"
          + " indices into the vocabulary, check the tokenizer's output");
    }
    if (tokenId > maxId) {
      throw new IllegalArgumentException("token id " + tokenId + " does not fit " + this
          + " (0.." + maxId + "): the vocabulary is larger than the dtype allows; choose the"
          + " dtype from the tokenizer's vocabulary size with TokenDtype.megatron(vocabSize) or"
          + " TokenDtype.olmo(vocabSize)");
    }
  }

  private static void requirePositive(int vocabSize) {
    if (vocabSize <= 0) {
      throw new IllegalArgumentException("vocabulary size " + vocabSize
          + " must be positive: pass the tokenizer's vocabulary size");
    }
  }
}
