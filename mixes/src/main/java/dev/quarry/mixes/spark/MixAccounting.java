package dev.quarry.mixes.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.quarry.core.spark.Datasets;
import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.core.stats.Accounting;
import dev.quarry.mixes.spec.MixSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where every document of a mix's input datasets went, per dataset: into the mix (one copy or
 * more), or not, with the reason — {@code no_text} (nothing to tokenize), {@code not_selected}
 * (no source's filter takes it), {@code not_sampled} (a source takes it, but its partial epoch
 * drew none of its copies: the token target was met without it). Counted from the data in one
 * pass per dataset, each reason on its own, and checked: documents = in the mix + not taken.
 */
final class MixAccounting {
  static final String NO_TEXT = "no_text";
  static final String NOT_SELECTED = "not_selected";
  static final String NOT_SAMPLED = "not_sampled";

  private MixAccounting() {}

  /**
   * One entry per distinct input dataset: {@code dataset}, {@code documents}, {@code in_mix},
   * {@code not_taken} by reason, {@code balanced}.
   *
   * @param placed the copies in the mix: (source index, id, ...)
   */
  static List<Map<String, Object>> of(SparkSession spark, List<MixSource> sources,
      String[] datasets, Dataset<Row> placed) {
    Map<String, List<Integer>> sourcesByDataset = new LinkedHashMap<>();
    for (int i = 0; i < datasets.length; i++) {
      sourcesByDataset.computeIfAbsent(datasets[i], d -> new ArrayList<>()).add(i);
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    sourcesByDataset.forEach((dataset, indices) -> {
      Accounting accounting = countOf(spark, dataset, indices.stream().map(sources::get).toList(),
          placed.filter(col(TokenizedDocuments.SOURCE).isin(indices.toArray()))
              .select(col(DocumentSchema.ID)).distinct().withColumn("_in_mix", lit(true)))
          .verify("mix accounting of " + dataset);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dataset", dataset);
      entry.put("documents", accounting.recordsIn());
      entry.put("in_mix", accounting.kept());
      entry.put("not_taken", accounting.rejected());
      entry.put("balanced", accounting.balanced());
      entries.add(entry);
    });
    return entries;
  }

  private static Accounting countOf(SparkSession spark, String dataset, List<MixSource> readers,
      Dataset<Row> inMix) {
    spark.sparkContext().setJobDescription("mix: account for every document of " + dataset);
    Column hasText = TokenizedDocuments.hasText();
    Column selected = readers.stream().anyMatch(s -> s.filter() == null) ? lit(true)
        : expr(String.join(" OR ", readers.stream().map(s -> "(" + s.filter() + ")").toList()));
    Column taken = col("_in_mix").isNotNull();
    Column chosen = hasText.and(coalesce(selected, lit(false)));
    Row counts = Datasets.read(spark, dataset).join(inMix, new String[] {DocumentSchema.ID},
            "left")
        .agg(count(lit(1)), count_if(taken), count_if(not(hasText)),
            count_if(hasText.and(not(coalesce(selected, lit(false))))),
            count_if(chosen.and(not(taken))))
        .first();
    return new Accounting(counts.getLong(0), counts.getLong(1), Map.of(NO_TEXT,
        counts.getLong(2), NOT_SELECTED, counts.getLong(3), NOT_SAMPLED, counts.getLong(4)),
        Map.of());
  }
}
