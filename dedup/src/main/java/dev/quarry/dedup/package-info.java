/**
 * Deduplication: exact (normalised-text hash) and near-duplicate (MinHash LSH) removal. Per
 * document logic — normalisation, shingles, signatures, band keys, LSH parameters, keep rules —
 * is plain Java here and in {@code minhash/}; the Spark jobs (candidates, connected components,
 * removal) live in {@code spark/}.
 */
package dev.quarry.dedup;
