package dev.quarry.mixes.registry;

/**
 * Where a version's files go, relative to the version directory: one name per shard and
 * format, the same on every run, so that the same mix is the same files. The writers
 * ({@code spark.WriteShards}) and the readers ({@link MixRegistry#trace}) both name them here.
 */
public final class VersionFiles {
  public static final String MEGATRON = "megatron";
  public static final String OLMO = "olmo";
  public static final String INDEX = "index";

  private VersionFiles() {}

  /** Megatron's data prefix of a shard: {@code megatron/shard-00003} (+ .bin / .idx). */
  public static String megatronPrefix(int shard) {
    return MEGATRON + "/" + name(shard);
  }

  /** OLMo's token file of a shard: {@code olmo/shard-00003.npy} (and .csv.gz beside it). */
  public static String olmoPrefix(int shard) {
    return OLMO + "/" + name(shard);
  }

  /** The Parquet index of a shard's documents. */
  public static String index(int shard) {
    return INDEX + "/" + name(shard) + ".parquet";
  }

  public static String name(int shard) {
    return String.format("shard-%05d", shard);
  }
}
