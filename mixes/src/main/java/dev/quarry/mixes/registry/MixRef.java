package dev.quarry.mixes.registry;

import dev.quarry.core.config.ConfigException;

/**
 * A version named on the command line: {@code web-en@v0003}, {@code web-en@3}, or
 * {@code web-en} (its latest committed version).
 *
 * @param version null for the latest committed one
 */
public record MixRef(String name, Integer version) {
  public static MixRef parse(String text, String field) {
    int at = text.indexOf('@');
    if (at < 0) {
      return new MixRef(text, null);
    }
    String name = text.substring(0, at);
    Integer version = MixVersions.parse(text.substring(at + 1)).orElseThrow(() ->
        new ConfigException(field, "'" + text + "' is not a mix version: write <name>@v0003,"
            + " <name>@3, or <name> for its latest version"));
    return new MixRef(name, version);
  }

  /** This ref's version, the latest committed one when none is given. */
  public int resolve(MixVersions versions, String field) {
    if (version != null) {
      if (!versions.versions(name).contains(version)) {
        throw new ConfigException(field, "there is no " + name + "@" + MixVersions.label(version)
            + " (versions: " + versions.versions(name) + ")");
      }
      return version;
    }
    return versions.latestCommitted(name).orElseThrow(() -> new ConfigException(field,
            "mix '" + name + "' has no committed version (mixes: " + versions.names() + ")"));
  }
}
