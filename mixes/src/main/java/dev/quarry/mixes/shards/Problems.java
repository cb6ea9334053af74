package dev.quarry.mixes.shards;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems a check finds, kept to a readable number: a shard whose every pointer is off
 * would otherwise print millions of lines that say one thing.
 */
final class Problems {
  static final int LIMIT = 100;

  private final List<String> kept = new ArrayList<>();
  private long dropped;

  void add(String problem) {
    if (kept.size() < LIMIT) {
      kept.add(problem);
    } else {
      dropped++;
    }
  }

  List<String> list() {
    List<String> all = new ArrayList<>(kept);
    if (dropped > 0) {
      all.add("... and " + dropped + " more problems");
    }
    return List.copyOf(all);
  }
}
