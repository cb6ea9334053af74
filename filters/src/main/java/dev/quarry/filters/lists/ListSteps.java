package dev.quarry.filters.lists;

import dev.quarry.filters.chain.StepRegistry;

/** Registers the list-based filters: {@code url_blocklist} and {@code content_word_list}. */
public final class ListSteps {
  private ListSteps() {}

  public static StepRegistry registerListSteps(StepRegistry registry) {
    return registry
        .register(UrlBlocklist.NAME, UrlBlocklist.Params.class, UrlBlocklist::new)
        .register(ContentWordList.NAME, ContentWordList.Params.class, ContentWordList::new);
  }
}
