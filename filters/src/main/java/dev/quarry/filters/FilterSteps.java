package dev.quarry.filters;

import dev.quarry.filters.chain.StepRegistry;
import dev.quarry.filters.classifier.ClassifierStep;
import dev.quarry.filters.lang.LanguageIdStep;
import dev.quarry.filters.lists.ListSteps;
import dev.quarry.filters.pii.PiiStep;
import dev.quarry.filters.quality.QualitySteps;

/** Every step a filter config can name. */
public final class FilterSteps {
  private FilterSteps() {}

  public static StepRegistry registry() {
    return ListSteps.registerListSteps(QualitySteps.registerQualitySteps(new StepRegistry()
        .register(LanguageIdStep.NAME, LanguageIdStep.Params.class, LanguageIdStep::new)
        .register(PiiStep.NAME, PiiStep.Params.class, PiiStep::new)
        .register(ClassifierStep.NAME, ClassifierStep.Params.class, ClassifierStep::new)));
  }
}
