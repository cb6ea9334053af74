package dev.quarry.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version and git commit this build was made from (written into every manifest). */
public record QuarryBuild(String version, String gitCommit) {

  private static final QuarryBuild CURRENT = load();

  public static QuarryBuild current() {
    return CURRENT;
  }

  private static QuarryBuild load() {
    Properties props = new Properties();
    try (InputStream in = QuarryBuild.class.getResourceAsStream("/quarry-build.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read quarry-build.properties", e);
    }
    String version = clean(props.getProperty("version"), "unknown");
    String commit = clean(props.getProperty("git.commit"), "unknown");
    if ("true".equals(props.getProperty("git.dirty")) && !"unknown".equals(commit)) {
      commit = commit + "-dirty";
    }
    return new QuarryBuild(version, commit);
  }

  private static String clean(String value, String fallback) {
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
  }
}
