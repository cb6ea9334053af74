package dev.quarry.core.storage;

import java.io.Serializable;

/**
 * One raw input file: its qualified URI, its name relative to the root of the glob that found it
 * (machine-independent, used for document ids), size and modification time (for fingerprints).
 */
public record RawFile(String uri, String relativeName, long size, long modifiedMillis)
    implements Serializable {}
