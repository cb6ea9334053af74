/**
 * Versioned token mixes: a mix spec ({@code spec}) names curated datasets and how many tokens
 * of each to take; tokenizers ({@code tokenize}) turn documents into token ids; shard writers
 * and readers ({@code shards}) give the exact Megatron and OLMo file layouts; the Spark job and
 * the version registry live in {@code spark}.
 */
package dev.quarry.mixes;
