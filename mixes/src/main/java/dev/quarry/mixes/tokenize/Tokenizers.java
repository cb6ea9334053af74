package dev.quarry.mixes.tokenize;

import dev.quarry.core.config.Check;
import dev.quarry.core.config.ConfigException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * Loads the tokenizer a mix spec names. {@code tokenizer} is a jtokkit encoding name
 * ({@code r50k_base}, {@code p50k_base}, {@code cl100k_base}, {@code o200k_base}; pure Java, the
 * embedded default) or a path or URI of a HuggingFace {@code tokenizer.json} (through DJL's
 * native tokenizers library, see {@link DjlNative} for running offline).
 *
 * <p>{@code eos} and {@code bos} are ids from the spec, or {@code null}: the end-of-document id
 * then defaults to the encoding's {@code <|endoftext|>}, or for a {@code tokenizer.json} to the
 * first special token among {@code <|endoftext|> </s> <|end_of_text|> <eos> <|im_end|>}; the
 * begin-of-document id defaults to none.
 *
 * <p>Every call builds a new tokenizer (jtokkit's parsed encodings are shared per JVM, a
 * {@code tokenizer.json} is read and built again); the result is thread-safe, so load once per
 * executor and share it.
 */
public final class Tokenizers {
  private Tokenizers() {}

  /** Reads a {@code tokenizer.json} with {@link UriBytes#defaults()}. */
  public static Tokenizer load(String tokenizer, Integer eos, Integer bos) {
    return load(tokenizer, eos, bos, UriBytes.defaults());
  }

  /** Reads a {@code tokenizer.json} through Hadoop with the job's configuration. */
  public static Tokenizer load(String tokenizer, Integer eos, Integer bos, Configuration hadoop) {
    return load(tokenizer, eos, bos, UriBytes.hadoop(hadoop));
  }

  /**
   * @param readUri reads the whole {@code tokenizer.json} at a path or URI; not called for
   *     encoding names
   */
  public static Tokenizer load(
      String tokenizer, Integer eos, Integer bos, Function<String, byte[]> readUri) {
    String name = checkName(tokenizer);
    Optional<TiktokenEncoding> embedded = TiktokenEncoding.named(name);
    if (embedded.isPresent()) {
      return JtokkitTokenizer.load(embedded.get(), eos, bos);
    }
    return HuggingFaceJsonTokenizer.load(name, read(name, readUri), eos, bos);
  }

  /**
   * The trimmed name when it is an embedded encoding or looks like a path or URI of a
   * tokenizer.json; else a {@link ConfigException} on {@code tokenizer} listing the names.
   * Reads nothing, so a spec can be checked before any data is.
   */
  public static String checkName(String tokenizer) {
    String name = Check.notBlank(tokenizer, "tokenizer").trim();
    if (TiktokenEncoding.named(name).isEmpty() && !looksLikeFile(name)) {
      throw new ConfigException("tokenizer", "unknown tokenizer '" + name + "': use one of "
          + TiktokenEncoding.names() + ", or a path or URI to a HuggingFace tokenizer.json");
    }
    return name;
  }

  /** Checks the special ids against the vocabulary; the one place both kinds share. */
  static TokenizerIdentity identity(
      String name, String vocabularySha256, int vocabSize, int eosId, Integer bosId) {
    checkId("eos", eosId, name, vocabSize);
    if (bosId != null) {
      checkId("bos", bosId, name, vocabSize);
    }
    return new TokenizerIdentity(name, vocabularySha256, vocabSize, eosId, bosId);
  }

  private static void checkId(String field, int id, String name, int vocabSize) {
    String otherwise = field.equals("eos") ? "for the tokenizer's end-of-text token" : "for none";
    Check.that(id >= 0 && id < vocabSize, field, "id " + id + " is not in the vocabulary of "
        + name + " (ids 0 to " + (vocabSize - 1) + "): give an id below " + vocabSize
        + ", or leave " + field + ": out " + otherwise);
  }

  /** A name with a path separator, a scheme or a .json suffix; anything else is a typo. */
  private static boolean looksLikeFile(String name) {
    return name.contains("/") || name.contains("\\") || name.contains(":")
        || name.endsWith(".json");
  }

  private static byte[] read(String uri, Function<String, byte[]> readUri) {
    try {
      byte[] bytes = readUri.apply(uri);
      if (bytes == null || bytes.length == 0) {
        throw new ConfigException("tokenizer", uri + " is empty: give a HuggingFace "
            + "tokenizer.json");
      }
      return bytes;
    } catch (UncheckedIOException e) {
      throw new ConfigException("tokenizer", "cannot read " + uri + " (" + e.getCause()
          + "): give an existing tokenizer.json, or one of " + TiktokenEncoding.names());
    }
  }
}
