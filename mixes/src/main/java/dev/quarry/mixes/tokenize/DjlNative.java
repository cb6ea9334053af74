package dev.quarry.mixes.tokenize;

import ai.djl.huggingface.tokenizers.jni.LibUtils;

/**
 * Loads the HuggingFace tokenizers native library that DJL's jar carries, with no network.
 *
 * <p>DJL 0.36's tokenizers jar holds CPU builds for linux-x86_64, linux-aarch64, osx-aarch64 and
 * win-x86_64 under {@code native/lib/<platform>/cpu/}. DJL copies the one for this machine into
 * its cache directory and loads it from there. The directory is {@code ENGINE_CACHE_DIR}, else
 * {@code DJL_CACHE_DIR} (each an environment variable or system property), else
 * {@code ~/.djl.ai}, or {@code java.io.tmpdir/.djl.ai} when the home directory is not writable;
 * set {@code DJL_CACHE_DIR} to a local disk on executors whose home is shared or read-only.
 *
 * <p>DJL reaches for the network in two places unless it is offline: where it detects CUDA it
 * looks for a GPU build, which the jar lacks, and downloads it from publish.djl.ai; and every
 * tokenizer it creates calls its telemetry, which asks the EC2 metadata service (one-second
 * time-outs) and, on EC2, reports to an S3 bucket. So the system property
 * {@code ai.djl.offline=true} is set unless it or the environment variable {@code DJL_OFFLINE}
 * is already given: DJL then takes the CPU build from the jar and skips the telemetry.
 * Tokenizing needs no GPU.
 */
final class DjlNative {
  static final String OFFLINE_PROPERTY = "ai.djl.offline";
  static final String OFFLINE_ENV = "DJL_OFFLINE";

  private DjlNative() {}

  /** Call before the first DJL tokenizer is created; cheap afterwards. */
  static synchronized void load() {
    if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv(OFFLINE_ENV) == null) {
      System.setProperty(OFFLINE_PROPERTY, "true");
    }
    try {
      LibUtils.checkStatus();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException("cannot load the HuggingFace tokenizers native library "
          + "from DJL's jar (ai.djl.huggingface:tokenizers, builds for linux-x86_64, "
          + "linux-aarch64, osx-aarch64, win-x86_64): point DJL_CACHE_DIR at a writable local "
          + "directory, or use a jtokkit encoding (" + TiktokenEncoding.names() + ")", e);
    }
  }
}
