package dev.quarry.jobs.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The bundled samples: a WARC (HTML captures with request/metadata records, non-HTML payloads,
 * a redirect, a 404, a windows-1252 page, an untyped page and one deliberately corrupt record),
 * the WET of the same captures, a JSONL file of main texts, and the truth about every page.
 * Everything derives from the seed, so the same command regenerates the same files.
 */
public final class SampleCorpus {
  public static final String CRAWL = "QUARRY-SAMPLE-2026-11";

  private final CorpusFiles files;

  public SampleCorpus(long seed) {
    this.files = new CorpusFiles(seed, CorpusMix.defaults(), CRAWL);
  }

  /**
   * Writes warc/, wet/, jsonl/ and truth/ under {@code outputDir}, the pages split over
   * {@code shards} files per format; returns the files written. Pages are generated as they
   * are written, so memory does not grow with the size.
   */
  public List<String> write(Configuration conf, String outputDir, int pages, int shards) {
    List<String> written = new ArrayList<>();
    try {
      for (int shard = 0; shard < shards; shard++) {
        int from = (int) ((long) pages * shard / shards);
        int to = (int) ((long) pages * (shard + 1) / shards);
        String name = shards == 1 ? "quarry-sample" : String.format("quarry-sample-%05d", shard);
        String suffix = shards == 1 ? "" : String.format("-%05d", shard);
        try (TruthWriter truth = new TruthWriter(conf, outputDir + "/truth", suffix)) {
          written.add(write(conf, outputDir + "/warc/", name, CorpusFiles.Format.WARC, from, to,
              truth));
        }
        written.add(write(conf, outputDir + "/wet/", name, CorpusFiles.Format.WET, from, to,
            page -> { }));
        written.add(write(conf, outputDir + "/jsonl/", name, CorpusFiles.Format.JSONL, from,
            to, page -> { }));
        written.add(outputDir + "/truth/{pages,duplicates,pii}" + suffix + ".jsonl");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write samples under " + outputDir, e);
    }
    return written;
  }

  private String write(Configuration conf, String dir, String name, CorpusFiles.Format format,
      int from, int to, java.util.function.Consumer<GeneratedPage> onPage) throws IOException {
    String file = dir + name + format.extension;
    try (OutputStream out = CorpusFiles.create(conf, file)) {
      files.write(format, out, name + format.extension, from, to,
          format == CorpusFiles.Format.WARC, onPage);
    }
    return file;
  }
}
