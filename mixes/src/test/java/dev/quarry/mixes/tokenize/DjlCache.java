package dev.quarry.mixes.tokenize;

import java.nio.file.Path;

/** Keeps the native library DJL unpacks inside the build directory instead of ~/.djl.ai. */
final class DjlCache {
  private DjlCache() {}

  static void useBuildDirectory() {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", Path.of("target", "djl-cache").toAbsolutePath()
          .toString());
    }
  }
}
