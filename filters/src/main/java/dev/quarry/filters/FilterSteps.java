package dev.quarry.filters;

import dev.quarry.filters.chain.StepRegistry;
import dev.quarry.filters.lang.LanguageIdStep;

/** Every step a filter config can name. */
public final class FilterSteps {
  private FilterSteps() {}

  public static StepRegistry registry() {
    return new StepRegistry()
        .register(LanguageIdStep.NAME, LanguageIdStep.Params.class, LanguageIdStep::new);
  }
}
