package dev.quarry.mixes.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import dev.quarry.core.Hashing;
import dev.quarry.core.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A HuggingFace {@code tokenizer.json} through DJL's binding of the Rust tokenizers library. The
 * Rust tokenizer is immutable once built and DJL calls it without locks, so one instance serves
 * every thread of an executor.
 *
 * <p>It holds two native tokenizers: the encoder is built without the special added tokens, so a
 * literal {@code <|endoftext|>} in a document is tokenized as text; the decoder is the file as
 * given, so special ids decode to their strings.
 *
 * <p>A lone UTF-16 surrogate in the text reaches the Rust library as U+FFFD, where jtokkit
 * encodes it as {@code ?}: the only text on which the same vocabulary gives other ids here.
 */
final class HuggingFaceJsonTokenizer implements Tokenizer {
  // No BOS/EOS templates, no truncation to a model length, no padding: raw ids of the whole text.
  private static final Map<String, String> OPTIONS =
      Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

  private final HuggingFaceTokenizer encoder;
  private final HuggingFaceTokenizer decoder;
  private final TokenizerIdentity identity;

  private HuggingFaceJsonTokenizer(
      HuggingFaceTokenizer encoder, HuggingFaceTokenizer decoder, TokenizerIdentity identity) {
    this.encoder = encoder;
    this.decoder = decoder;
    this.identity = identity;
  }

  static HuggingFaceJsonTokenizer load(String uri, byte[] bytes, Integer eos, Integer bos) {
    TokenizerJson json = TokenizerJson.parse(uri, bytes);
    int eosId = eos != null ? eos : json.endOfTextId(uri);
    TokenizerIdentity identity = Tokenizers.identity(
        uri, Hashing.sha256Hex(bytes), json.vocabSize(), eosId, bos);
    DjlNative.load();
    HuggingFaceTokenizer encoder = open(uri, json.ordinaryJson().getBytes(StandardCharsets.UTF_8));
    return new HuggingFaceJsonTokenizer(encoder, open(uri, bytes), identity);
  }

  @Override
  public int[] encode(String text) {
    Objects.requireNonNull(text, "text");
    long[] ids = ids(text);
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }

  @Override
  public String decode(int[] tokens, int length) {
    Objects.checkFromToIndex(0, length, tokens.length);
    long[] ids = new long[length];
    for (int i = 0; i < length; i++) {
      ids[i] = tokens[i];
    }
    return decoder.decode(ids, false);
  }

  @Override
  public TokenizerIdentity identity() {
    return identity;
  }

  /**
   * The ids only, through DJL's JNI layer: {@code HuggingFaceTokenizer.encode} also copies every
   * token's string and character span into Java objects, which made it three times slower.
   */
  private long[] ids(String text) {
    long encoding = TokenizersLibrary.LIB.encode(encoder.getHandle(), text, false);
    try {
      return TokenizersLibrary.LIB.getTokenIds(encoding);
    } finally {
      TokenizersLibrary.LIB.deleteEncoding(encoding);
    }
  }

  private static HuggingFaceTokenizer open(String uri, byte[] json) {
    try (InputStream in = new ByteArrayInputStream(json)) {
      return HuggingFaceTokenizer.newInstance(in, OPTIONS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer " + uri, e);
    } catch (RuntimeException e) {
      // The Rust library rejects the file (unknown model type, bad merges): a spec problem.
      throw new ConfigException("tokenizer", uri + " cannot be loaded by the HuggingFace "
          + "tokenizers library 0.21 that DJL bundles (" + e.getMessage() + "): give a "
          + "tokenizer.json saved by HuggingFace tokenizers or transformers");
    }
  }
}
