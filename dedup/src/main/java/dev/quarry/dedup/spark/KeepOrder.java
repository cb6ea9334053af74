package dev.quarry.dedup.spark;

import dev.quarry.core.spark.DocumentSchema;
import dev.quarry.dedup.KeepRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * A {@link KeepRule} as Spark sort columns over the document columns (and {@value #TEXT_CHARS},
 * which the caller adds so that the text itself need not travel), for a window per cluster: the
 * same order as {@link KeepRule#comparator()} — missing values last, the id last of all.
 */
public final class KeepOrder {
  /** The column {@code text_chars} reads: the text's length, computed by the caller. */
  public static final String TEXT_CHARS = "text_chars";

  private KeepOrder() {}

  public static Column[] columns(KeepRule rule) {
    List<Column> columns = new ArrayList<>();
    for (KeepRule.Key key : rule.keys()) {
      Column value = key.attr() != null
          ? functions.try_element_at(functions.col(DocumentSchema.ATTRS), functions.lit(key.attr()))
          : switch (key.column()) {
            case "fetched_at" -> functions.col(DocumentSchema.FETCHED_AT);
            case "lang_score" -> functions.col(DocumentSchema.LANG_SCORE);
            default -> functions.col(TEXT_CHARS);
          };
      columns.add(key.order() == KeepRule.Order.DESC ? value.desc_nulls_last()
          : value.asc_nulls_last());
    }
    columns.add(functions.col(DocumentSchema.ID).asc());
    return columns.toArray(Column[]::new);
  }
}
