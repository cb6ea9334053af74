package dev.quarry.mixes.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.config.Json;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Quarry reads from a HuggingFace {@code tokenizer.json} itself, before handing it to DJL.
 *
 * @param vocabSize one more than the largest id of the model's vocabulary and added tokens
 * @param specialTokens the added tokens marked special, content to id, in file order
 * @param ordinaryJson the same file without its special added tokens: the HuggingFace library
 *     always turns their strings into their ids, and document text must stay plain text
 */
record TokenizerJson(int vocabSize, Map<String, Integer> specialTokens, String ordinaryJson) {

  /** End-of-text tokens of common tokenizers, most preferred first. */
  static final List<String> END_OF_TEXT_TOKENS =
      List.of("<|endoftext|>", "</s>", "<|end_of_text|>", "<eos>", "<|im_end|>");

  static TokenizerJson parse(String uri, byte[] bytes) {
    JsonNode root = readTree(uri, bytes);
    JsonNode model = root.path("model");
    if (!model.isObject()) {
      throw new ConfigException("tokenizer", uri + " has no \"model\": give a HuggingFace "
          + "tokenizer.json (the file tokenizers' save() writes), not a vocab.json or config");
    }
    int largest = largestVocabularyId(model.path("vocab"));
    Map<String, Integer> special = new LinkedHashMap<>();
    ArrayNode ordinary = Json.mapper().createArrayNode();
    for (JsonNode added : root.path("added_tokens")) {
      int id = added.path("id").asInt(-1);
      largest = Math.max(largest, id);
      if (added.path("special").asBoolean(false)) {
        special.putIfAbsent(added.path("content").asText(), id);
      } else {
        ordinary.add(added);
      }
    }
    if (largest < 0) {
      throw new ConfigException("tokenizer", uri + " has an empty vocabulary: give a trained "
          + "tokenizer.json");
    }
    ObjectNode withoutSpecial = ((ObjectNode) root).deepCopy();
    withoutSpecial.set("added_tokens", ordinary);
    return new TokenizerJson(
        largest + 1, Collections.unmodifiableMap(special), withoutSpecial.toString());
  }

  /** The default end-of-document id: the first of {@link #END_OF_TEXT_TOKENS} it has. */
  int endOfTextId(String uri) {
    for (String token : END_OF_TEXT_TOKENS) {
      Integer id = specialTokens.get(token);
      if (id != null) {
        return id;
      }
    }
    String has = specialTokens.isEmpty() ? "none"
        : specialTokens.keySet().stream().limit(12).collect(Collectors.joining(" "))
            + (specialTokens.size() > 12 ? " ..." : "");
    throw new ConfigException("eos", uri + " has none of the special tokens "
        + String.join(" ", END_OF_TEXT_TOKENS) + " (its special tokens: " + has
        + "); give the end-of-document id with eos: in the mix spec");
  }

  private static JsonNode readTree(String uri, byte[] bytes) {
    try {
      JsonNode root = Json.mapper().readTree(bytes);
      if (root != null && root.isObject()) {
        return root;
      }
    } catch (IOException e) {
      throw new ConfigException("tokenizer", uri + " is not valid JSON ("
          + e.getMessage().lines().findFirst().orElse("") + "): give a HuggingFace tokenizer.json");
    }
    throw new ConfigException("tokenizer", uri + " is not a JSON object: give a HuggingFace "
        + "tokenizer.json");
  }

  /** BPE, WordPiece and WordLevel map token to id; Unigram lists [piece, score] by id. */
  private static int largestVocabularyId(JsonNode vocab) {
    if (vocab.isArray()) {
      return vocab.size() - 1;
    }
    int largest = -1;
    for (JsonNode id : vocab) {
      largest = Math.max(largest, id.asInt(-1));
    }
    return largest;
  }
}
