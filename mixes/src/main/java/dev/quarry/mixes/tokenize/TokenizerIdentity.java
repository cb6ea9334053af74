package dev.quarry.mixes.tokenize;

/**
 * The identity of a loaded tokenizer, written into mix manifests.
 *
 * @param name the encoding name ({@code cl100k_base}) or the {@code tokenizer.json} path or URI
 *     as the spec gave it
 * @param vocabularySha256 SHA-256 (hex) of the bytes that define the vocabulary: the encoding's
 *     rank file as jtokkit ships it, or the {@code tokenizer.json}; equal hashes mean equal ids
 * @param vocabSize one more than the largest id, special tokens included
 * @param eosId the id appended after each document
 * @param bosId the id put before each document, or {@code null} for none
 */
public record TokenizerIdentity(
    String name, String vocabularySha256, int vocabSize, int eosId, Integer bosId) {}
