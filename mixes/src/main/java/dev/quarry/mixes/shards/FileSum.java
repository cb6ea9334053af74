package dev.quarry.mixes.shards;

/**
 * The size and SHA-256 of a file a shard writer wrote, taken as the bytes went out so that the
 * manifest never needs to read a shard back.
 *
 * @param bytes the file's length
 * @param sha256 its SHA-256, 64 lower-case hex digits
 */
public record FileSum(long bytes, String sha256) {}
