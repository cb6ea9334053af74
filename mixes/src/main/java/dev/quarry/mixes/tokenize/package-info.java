/**
 * Tokenizers for token mixes: {@link dev.quarry.mixes.tokenize.Tokenizers#load} turns the
 * {@code tokenizer:} value of a mix spec into a {@link dev.quarry.mixes.tokenize.Tokenizer} —
 * one of the tiktoken encodings embedded in jtokkit (pure Java, the default), or any HuggingFace
 * {@code tokenizer.json} through DJL's native tokenizers library. Each tokenizer carries a
 * {@link dev.quarry.mixes.tokenize.TokenizerIdentity} so a mix records exactly which vocabulary
 * and end-of-document id its shards use.
 */
package dev.quarry.mixes.tokenize;
