package dev.quarry.mixes.sample;

import dev.quarry.core.config.ConfigException;

/**
 * How a source meets its token target: {@code fullEpochs} passes over every document, then
 * documents of one more pass, smallest {@link MixKeys#sample} key first, until
 * {@code remainder} tokens are reached (the document that reaches it is taken whole, so a
 * source overshoots its target by less than one document).
 *
 * @param fullEpochs whole passes over the source's documents
 * @param remainder tokens still wanted from the partial pass (0: none)
 */
public record EpochPlan(int fullEpochs, long remainder) implements java.io.Serializable {
  /**
   * The plan for {@code target} tokens of a source whose documents hold {@code available}
   * tokens, repeated at most {@code maxEpochs} times.
   *
   * @throws ConfigException naming the source's field when the target cannot be met
   */
  public static EpochPlan of(int sourceIndex, String source, long target, long available,
      double maxEpochs) {
    String field = "sources[" + sourceIndex + "]";
    if (available <= 0) {
      throw new ConfigException(field + ".filter", "source '" + source + "' has no documents"
          + " (after its filter, if any): check its input and filter");
    }
    double cap = Math.floor(maxEpochs * available);
    if (target > cap) {
      throw new ConfigException(field, String.format("source '%s' asks for %,d tokens, but its"
              + " documents hold %,d tokens and max_epochs %s allows at most %,d: lower its"
              + " tokens or weight, or raise max_epochs to %s or more", source, target,
          available, trim(maxEpochs), (long) cap,
          trim(Math.ceil(100.0 * target / available) / 100)));
    }
    long full = target / available;
    return new EpochPlan(Math.toIntExact(full), target - full * available);
  }

  /** The epochs a partial pass would be numbered (0-based): the one after the full ones. */
  public int partialEpoch() {
    return fullEpochs;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
