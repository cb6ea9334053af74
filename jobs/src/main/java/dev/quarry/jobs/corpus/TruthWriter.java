package dev.quarry.jobs.corpus;

import dev.quarry.core.stats.Stats;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;

/**
 * The ground truth about generated pages, as JSON lines under {@code truth/}:
 * <ul>
 *   <li>{@code pages<suffix>.jsonl}: every page — id, url, kind, lang, main_text_chars;
 *   <li>{@code duplicates<suffix>.jsonl}: every exact or near duplicate — id, original_id,
 *       kind, intended_similarity (Jaccard of word 5-gram shingles of the main texts; 1 for an
 *       exact copy);
 *   <li>{@code pii<suffix>.jsonl}: every planted PII value — id, type (email, phone, ipv4,
 *       ipv6), value, and start/end character offsets in the main text.
 * </ul>
 * Also counts pages by kind and language, and main-text lengths, into {@link #stats()}.
 */
public final class TruthWriter implements Consumer<GeneratedPage>, Closeable {
  private final OutputStream pages;
  private final OutputStream duplicates;
  private final OutputStream pii;
  private final Stats stats = new Stats();

  public TruthWriter(Configuration conf, String truthDir, String suffix) throws IOException {
    this.pages = CorpusFiles.create(conf, truthDir + "/pages" + suffix + ".jsonl");
    this.duplicates = CorpusFiles.create(conf, truthDir + "/duplicates" + suffix + ".jsonl");
    this.pii = CorpusFiles.create(conf, truthDir + "/pii" + suffix + ".jsonl");
  }

  @Override
  public void accept(GeneratedPage page) {
    String kind = page.kind().name().toLowerCase(Locale.ROOT);
    stats.increment("pages").increment("kind." + kind).increment("lang." + page.lang())
        .observe("main_text_chars", page.mainText().length());
    try {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", page.id());
      row.put("url", page.url());
      row.put("kind", kind);
      row.put("lang", page.lang());
      row.put("main_text_chars", page.mainText().length());
      CorpusFiles.jsonLine(pages, row);
      if (page.originalIndex() >= 0) {
        Map<String, Object> dup = new LinkedHashMap<>();
        dup.put("id", page.id());
        dup.put("original_id", GeneratedPage.docId(page.originalIndex()));
        dup.put("kind", kind);
        dup.put("intended_similarity", page.intendedSimilarity());
        CorpusFiles.jsonLine(duplicates, dup);
      }
      for (GeneratedPage.PiiSpan span : page.pii()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", page.id());
        p.put("type", span.type());
        p.put("value", span.value());
        p.put("start", span.start());
        p.put("end", span.end());
        CorpusFiles.jsonLine(pii, p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the truth files", e);
    }
  }

  public Stats stats() {
    return stats;
  }

  @Override
  public void close() throws IOException {
    try (pages; duplicates; pii) {
      // closes all three, in reverse order
    }
  }
}
