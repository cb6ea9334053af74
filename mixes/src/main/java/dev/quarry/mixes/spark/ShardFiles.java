package dev.quarry.mixes.spark;

/**
 * Where a version's files go, relative to the version directory: one name per shard and
 * format, the same on every run, so that the same mix is the same files.
 */
final class ShardFiles {
  static final String MEGATRON = "megatron";
  static final String OLMO = "olmo";
  static final String INDEX = "index";

  private ShardFiles() {}

  /** Megatron's data prefix of a shard: {@code megatron/shard-00003} (+ .bin / .idx). */
  static String megatronPrefix(int shard) {
    return MEGATRON + "/" + name(shard);
  }

  /** OLMo's token file of a shard: {@code olmo/shard-00003.npy} (and .csv.gz beside it). */
  static String olmoPrefix(int shard) {
    return OLMO + "/" + name(shard);
  }

  /** The Parquet index of a shard's documents. */
  static String index(int shard) {
    return INDEX + "/" + name(shard) + ".parquet";
  }

  static String name(int shard) {
    return String.format("shard-%05d", shard);
  }
}
