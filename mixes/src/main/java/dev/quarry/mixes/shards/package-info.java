/**
 * The token shards a mix is written as, byte for byte as the trainers read them: Megatron
 * indexed datasets ({@link dev.quarry.mixes.shards.MegatronShardWriter}, a {@code .bin} and
 * {@code .idx}) and OLMo token files ({@link dev.quarry.mixes.shards.OlmoShardWriter}, a
 * headerless {@code .npy} and a {@code .csv.gz} of document rows). Writers hash their files as
 * they write them; readers stream documents back and list every way a shard breaks its format,
 * for the verify command. Plain Java, so the Spark job and the tools share it.
 */
package dev.quarry.mixes.shards;
