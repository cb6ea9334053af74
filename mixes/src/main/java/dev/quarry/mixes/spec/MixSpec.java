package dev.quarry.mixes.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.quarry.core.config.Check;
import dev.quarry.mixes.tokenize.Tokenizers;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.Json;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.mixes.shards.TokenDtype;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * What a researcher asks for: which curated datasets, how many tokens of each, tokenized how,
 * written in which formats. Loaded from YAML (examples in {@code conf/mixes/}); every value
 * changes the output, so the whole resolved spec is hashed into the version's manifest.
 *
 * <pre>
 * name: web-en                 # the mix; versions go to &lt;root&gt;/&lt;name&gt;/v0001, v0002, …
 * description: English web, quality-filtered
 * tokenizer: cl100k_base       # r50k_base | p50k_base | cl100k_base | o200k_base, or a
 *                              #   path/URI to a HuggingFace tokenizer.json
 * eos: null                    # end-of-document id appended to every document (default: the
 * bos: null                    #   tokenizer's end-of-text); optional id put before each one
 * formats: [megatron, olmo]
 * tokens_per_shard: 268435456  # a shard closes at the first document that reaches this
 * seed: 1                      # sampling and shuffling; same seed, same mix
 * total_tokens: null           # the budget that sources' weights share
 * sources:
 *   - name: web
 *     input: out/demo/dedup    # a committed Quarry dataset (manifest.json + _SUCCESS)
 *     filter: "lang = 'eng' AND attrs['quality'] > 0.5"   # Spark SQL over its columns
 *     tokens: 1000000          # a token target, or
 *     weight: null             #   a share of total_tokens
 *     max_epochs: 1            # repeat the source up to this many times to reach its target
 * </pre>
 */
public record MixSpec(String name, String description, String tokenizer, Integer eos,
    Integer bos, List<Format> formats, Long tokensPerShard, Long seed, Long totalTokens,
    List<MixSource> sources) implements YamlConfig.Validated, Serializable {
  public static final long DEFAULT_TOKENS_PER_SHARD = 1L << 28;
  public static final String DEFAULT_TOKENIZER = "cl100k_base";

  /** The token-file layouts a mix can be written in (docs/formats.md). */
  public enum Format {
    MEGATRON, OLMO;

    /** How this layout stores the ids of a vocabulary of {@code vocabSize}. */
    public TokenDtype dtype(int vocabSize) {
      return this == MEGATRON ? TokenDtype.megatron(vocabSize) : TokenDtype.olmo(vocabSize);
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public MixSpec {
    description = description == null ? "" : description;
    tokenizer = tokenizer == null ? DEFAULT_TOKENIZER : tokenizer;
    formats = formats == null ? List.of(Format.MEGATRON) : List.copyOf(formats);
    tokensPerShard = tokensPerShard == null ? DEFAULT_TOKENS_PER_SHARD : tokensPerShard;
    seed = seed == null ? 1L : seed;
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  public static MixSpec load(Path file) {
    return YamlConfig.load(file, MixSpec.class);
  }

  /**
   * The spec with {@code ${name}} in its sources' inputs replaced by {@code variables}' values:
   * how one spec names datasets under a pipeline's work directory ({@code ${work_dir}/dedup}),
   * set by the pipeline or by {@code quarry mix create --var work_dir=...}.
   */
  public MixSpec withVariables(Map<String, String> variables) {
    List<MixSource> resolved = new ArrayList<>();
    for (MixSource source : sources) {
      String input = source.input();
      if (input != null) {
        for (Map.Entry<String, String> variable : variables.entrySet()) {
          input = input.replace("${" + variable.getKey() + "}", variable.getValue());
        }
      }
      resolved.add(new MixSource(source.name(), input, source.filter(), source.tokens(),
          source.weight(), source.maxEpochs()));
    }
    return new MixSpec(name, description, tokenizer, eos, bos, formats, tokensPerShard, seed,
        totalTokens, resolved);
  }

  @Override
  public void validate() {
    Check.identifier(name, "name");
    Tokenizers.checkName(tokenizer);
    Check.notEmpty(formats, "formats");
    Check.that(new HashSet<>(formats).size() == formats.size(), "formats",
        "lists a format twice");
    Check.positive(tokensPerShard, "tokens_per_shard");
    Check.that(eos == null || eos >= 0, "eos", "must be a token id, 0 or more (got " + eos + ")");
    Check.that(bos == null || bos >= 0, "bos", "must be a token id, 0 or more (got " + bos + ")");
    Check.notEmpty(sources, "sources");
    Check.each(sources, "sources", MixSource::validate);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      if (!names.add(sources.get(i).name())) {
        throw new ConfigException("sources[" + i + "].name", "'" + sources.get(i).name()
            + "' is the name of an earlier source too; names must be unique");
      }
    }
    boolean weighted = sources.stream().anyMatch(s -> s.weight() != null);
    if (weighted) {
      Check.that(totalTokens != null, "total_tokens",
          "is required when a source gives a weight (the budget the weights share)");
      Check.positive(totalTokens, "total_tokens");
      Check.that(totalTokens > fixedTokens(), "total_tokens", "(" + totalTokens
          + ") must be larger than the sources' fixed token targets together (" + fixedTokens()
          + "), which leave the weighted sources nothing");
    } else {
      Check.that(totalTokens == null, "total_tokens",
          "only applies to sources with a weight; every source here gives tokens");
    }
  }

  /**
   * The token target of each source, in the order of {@link #sources()}: its {@code tokens},
   * or its share of what {@code total_tokens} leaves after the fixed targets, by weight
   * (rounded down; the last weighted source takes the rounding).
   */
  @JsonIgnore
  public long[] targets() {
    long[] targets = new long[sources.size()];
    double weights = sources.stream().filter(s -> s.weight() != null)
        .mapToDouble(MixSource::weight).sum();
    long budget = totalTokens == null ? 0 : totalTokens - fixedTokens();
    long given = 0;
    int lastWeighted = -1;
    for (int i = 0; i < targets.length; i++) {
      MixSource source = sources.get(i);
      if (source.tokens() != null) {
        targets[i] = source.tokens();
      } else {
        targets[i] = (long) Math.floor(budget * (source.weight() / weights));
        given += targets[i];
        lastWeighted = i;
      }
    }
    if (lastWeighted >= 0) {
      targets[lastWeighted] += budget - given;
    }
    return targets;
  }

  private long fixedTokens() {
    return sources.stream().filter(s -> s.tokens() != null).mapToLong(MixSource::tokens).sum();
  }

  /** SHA-256 of the resolved spec's JSON: two versions made from the same spec share it. */
  @JsonIgnore
  public String hash() {
    return Json.hash(Json.tree(this));
  }
}
