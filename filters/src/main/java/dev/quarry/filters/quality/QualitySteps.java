package dev.quarry.filters.quality;

import dev.quarry.filters.chain.StepRegistry;

/** Registers the quality heuristics: Gopher quality and repetition, C4, FineWeb. */
public final class QualitySteps {
  private QualitySteps() {}

  public static StepRegistry registerQualitySteps(StepRegistry registry) {
    return registry
        .register(GopherQuality.NAME, GopherQuality.Params.class, GopherQuality::new)
        .register(GopherRepetition.NAME, GopherRepetition.Params.class, GopherRepetition::new)
        .register(C4Quality.NAME, C4Quality.Params.class, C4Quality::new)
        .register(FineWebQuality.NAME, FineWebQuality.Params.class, FineWebQuality::new);
  }
}
