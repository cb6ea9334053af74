package dev.quarry.mixes.tokenize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.core.config.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds GPT-2's HuggingFace {@code tokenizer.json} from jtokkit's r50k_base ranks (r50k_base is
 * GPT-2's vocabulary), so the DJL tests need no download: a byte-level BPE whose vocabulary maps
 * each token's bytes, spelled with GPT-2's bytes-to-unicode table, to its rank, and whose merges
 * are recovered from the ranks the way tiktoken's tools convert them back.
 */
final class Gpt2TokenizerJson {
  static final int END_OF_TEXT = 50256;

  private Gpt2TokenizerJson() {}

  /** Writes {@code tokenizer.json} into {@code dir} and returns its path. */
  static Path write(Path dir) throws IOException {
    Path file = dir.resolve("tokenizer.json");
    Files.write(file, build(true));
    return file;
  }

  /** @param withEndOfText whether {@code <|endoftext|>} is an added special token */
  static byte[] build(boolean withEndOfText) {
    // Token bytes as ISO-8859-1 strings: one char per byte, so they hash and concatenate.
    Map<String, Integer> ranks = new HashMap<>();
    List<String> byRank = new ArrayList<>();
    RankFile.forEach(RankFile.bytes(TiktokenEncoding.R50K_BASE.rankResource()), (base64, rank) -> {
      String token = new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
      ranks.put(token, rank);
      while (byRank.size() <= rank) {
        byRank.add(null);
      }
      byRank.set(rank, token);
    });
    char[] unicode = bytesToUnicode();
    ObjectNode vocab = Json.mapper().createObjectNode();
    ArrayNode merges = Json.mapper().createArrayNode();
    for (int rank = 0; rank < byRank.size(); rank++) {
      String token = byRank.get(rank);
      vocab.put(spell(token, unicode), rank);
      if (token.length() > 1) {
        List<String> pair = merge(token, rank, ranks);
        merges.add(spell(pair.get(0), unicode) + " " + spell(pair.get(1), unicode));
      }
    }
    ArrayNode added = Json.mapper().createArrayNode();
    if (withEndOfText) {
      vocab.put(TiktokenEncoding.END_OF_TEXT, END_OF_TEXT);
      added.addObject().put("id", END_OF_TEXT).put("content", TiktokenEncoding.END_OF_TEXT)
          .put("single_word", false).put("lstrip", false).put("rstrip", false)
          .put("normalized", true).put("special", true);
    }
    return tokenizerJson(added, vocab, merges).toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode tokenizerJson(ArrayNode added, ObjectNode vocab, ArrayNode merges) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    root.set("added_tokens", added);
    root.putNull("normalizer");
    // GPT-2's regex is r50k_base's; no prefix space, as tiktoken adds none.
    root.set("pre_tokenizer", byteLevel(false, true));
    root.putNull("post_processor");
    root.set("decoder", byteLevel(true, true));
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    // tiktoken takes a piece that is itself a token whole, before any merging; so does this.
    model.put("ignore_merges", true);
    model.set("vocab", vocab);
    model.set("merges", merges);
    return root;
  }

  private static ObjectNode byteLevel(boolean addPrefixSpace, boolean trimOffsets) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("type", "ByteLevel");
    node.put("add_prefix_space", addPrefixSpace);
    node.put("trim_offsets", trimOffsets);
    node.put("use_regex", true);
    return node;
  }

  /**
   * The two parts BPE reaches for {@code token} using only the ranks below its own: the merge
   * that created it (tiktoken's {@code bpe(mergeable_ranks, token, max_rank=rank)}).
   */
  static List<String> merge(String token, int rank, Map<String, Integer> ranks) {
    List<String> parts = new ArrayList<>();
    for (char c : token.toCharArray()) {
      parts.add(String.valueOf(c));
    }
    while (true) {
      int best = -1;
      int bestRank = rank;
      for (int i = 0; i + 1 < parts.size(); i++) {
        Integer pairRank = ranks.get(parts.get(i) + parts.get(i + 1));
        if (pairRank != null && pairRank < bestRank) {
          best = i;
          bestRank = pairRank;
        }
      }
      if (best < 0) {
        break;
      }
      parts.set(best, parts.get(best) + parts.remove(best + 1));
    }
    if (parts.size() != 2) {
      throw new IllegalStateException("rank " + rank + " is not a merge of two lower ranks");
    }
    return parts;
  }

  private static String spell(String token, char[] unicode) {
    StringBuilder sb = new StringBuilder(token.length());
    for (char b : token.toCharArray()) {
      sb.append(unicode[b]);
    }
    return sb.toString();
  }

  /**
   * GPT-2's bytes_to_unicode: printable Latin-1 bytes stand for themselves, the others (controls,
   * space, soft hyphen) take the code points from 256 up, so every token is visible text.
   */
  static char[] bytesToUnicode() {
    char[] table = new char[256];
    int next = 256;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
      table[b] = (char) (printable ? b : next++);
    }
    return table;
  }
}
