package dev.quarry.mixes.spark;

import dev.quarry.core.spark.SerializableHadoopConf;
import dev.quarry.mixes.tokenize.Tokenizer;
import dev.quarry.mixes.tokenize.TokenizerIdentity;
import dev.quarry.mixes.tokenize.Tokenizers;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tokenizer as Spark functions carry it: its name or tokenizer.json URI and the spec's
 * EOS/BOS, loaded once per executor JVM (a tokenizer.json through the job's Hadoop settings,
 * so s3a:// and hdfs:// work) and shared by its tasks.
 */
final class TokenizerRef implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();

  private final String tokenizer;
  private final Integer eosOverride;
  private final Integer bosOverride;
  private final SerializableHadoopConf hadoopConf;

  TokenizerRef(String tokenizer, Integer eos, Integer bos, SerializableHadoopConf hadoopConf) {
    this.tokenizer = tokenizer;
    this.eosOverride = eos;
    this.bosOverride = bos;
    this.hadoopConf = hadoopConf;
  }

  Tokenizer get() {
    return LOADED.computeIfAbsent(tokenizer + "|" + eosOverride + "|" + bosOverride,
        key -> Tokenizers.load(tokenizer, eosOverride, bosOverride, hadoopConf.get()));
  }

  TokenizerIdentity identity() {
    return get().identity();
  }

  int eos() {
    return identity().eosId();
  }

  Integer bos() {
    return identity().bosId();
  }
}
