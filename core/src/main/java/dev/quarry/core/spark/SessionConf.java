package dev.quarry.core.spark;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/** A Spark SQL setting changed for the length of a piece of work, then set back as it was. */
public final class SessionConf {
  private SessionConf() {}

  /**
   * Runs {@code body} with {@code key} set to {@code value} in the session, and afterwards sets
   * the key back to its earlier value, or unsets it if it had none — also when {@code body}
   * throws.
   */
  public static <T> T with(SparkSession spark, String key, String value, Supplier<T> body) {
    Option<String> before = spark.conf().getOption(key);
    spark.conf().set(key, value);
    try {
      return body.get();
    } finally {
      if (before.isDefined()) {
        spark.conf().set(key, before.get());
      } else {
        spark.conf().unset(key);
      }
    }
  }
}
