package dev.quarry.core.storage;

import dev.quarry.core.Hashing;
import java.util.List;

/**
 * A job's identity: hash(config hash, input fingerprints, quarry version). Equal fingerprints
 * mean a rerun would produce the same output, so it is skipped.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(String configHash, List<Manifest.InputRef> inputs, String version) {
    StringBuilder sb = new StringBuilder("quarry-fingerprint-v1\n")
        .append(configHash).append('\n')
        .append(version).append('\n');
    inputs.stream().map(Manifest.InputRef::fingerprintPart).sorted()
        .forEach(part -> sb.append(part).append('\n'));
    return Hashing.sha256Hex(sb.toString());
  }
}
