package dev.quarry.dedup.spark;

import java.util.Map;
import java.util.TreeMap;

/**
 * Plain single-machine union-find, the reference the distributed components are checked
 * against: every root is the smallest id of its set, as in {@link ConnectedComponents}.
 */
final class UnionFind {
  private final Map<String, String> parents = new TreeMap<>();

  void union(String a, String b) {
    String rootA = find(a);
    String rootB = find(b);
    if (rootA.compareTo(rootB) < 0) {
      parents.put(rootB, rootA);
    } else if (rootB.compareTo(rootA) < 0) {
      parents.put(rootA, rootB);
    }
  }

  String find(String id) {
    String parent = parents.computeIfAbsent(id, self -> self);
    if (parent.equals(id)) {
      return id;
    }
    String root = find(parent);
    parents.put(id, root);
    return root;
  }

  /** Every id seen, with the smallest id of its set, in id order. */
  Map<String, String> components() {
    Map<String, String> components = new TreeMap<>();
    for (String id : parents.keySet().toArray(String[]::new)) {
      components.put(id, find(id));
    }
    return components;
  }
}
