package dev.quarry.dedup.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The steps of large-star / small-star connected components (Kiveris et al., "Connected
 * Components in MapReduce and Beyond", 2014) as DataFrame operations. The graph is kept as
 * distinct undirected edges, each stored once as ({@value #NODE}, {@value #PARENT}) with
 * {@code parent < node}; that orientation makes a node's smaller neighbours exactly its
 * parents, so both steps need only the lowest parent per node (a hash aggregate, constant
 * memory per node) joined back to the edges — no neighbourhood is ever built as a list, and a
 * node with millions of neighbours streams through the join like any other.
 */
final class StarSteps {
  static final String NODE = "node";
  static final String PARENT = "parent";
  private static final String LOWEST = "lowest";

  private StarSteps() {}

  /**
   * The input edges ({@code src}, {@code dst}, any order, ids cast to strings) once each as
   * (node, parent); self-loops and edges with a missing end carry no connection and are left out.
   */
  static Dataset<Row> oriented(Dataset<Row> edges) {
    Column a = col(CandidateEdges.SRC).cast(DataTypes.StringType);
    Column b = col(CandidateEdges.DST).cast(DataTypes.StringType);
    return edges.filter(a.isNotNull().and(b.isNotNull()).and(a.notEqual(b)))
        .select(greatest(a, b).as(NODE), least(a, b).as(PARENT))
        .distinct();
  }

  /**
   * Large-star: every node u links each larger neighbour v to the smallest of u's closed
   * neighbourhood, {@code m(u) = min(u, lowest parent of u)}. Edge (v, u) becomes (v, m(u)).
   * The result may repeat an edge (at most one row per input edge): small-star, which always
   * follows, neither minds nor passes them on, and a shuffle to remove them here would be wasted.
   */
  static Dataset<Row> largeStar(Dataset<Row> edges) {
    Dataset<Row> lowest = lowestParents(edges).withColumnRenamed(NODE, PARENT);
    return edges.join(lowest, new String[] {PARENT}, "left_outer")
        .select(col(NODE), coalesce(col(LOWEST), col(PARENT)).as(PARENT));
  }

  /**
   * Small-star: every node u with parents links itself and each of its parents to its lowest
   * parent m. Edge (u, p) becomes (p, m) unless p is m, plus (u, m) once. Repeated input edges
   * are fine; the output is distinct.
   */
  static Dataset<Row> smallStar(Dataset<Row> edges) {
    Dataset<Row> lowest = lowestParents(edges);
    Dataset<Row> parentsToLowest = edges.join(lowest, NODE)
        .filter(col(PARENT).notEqual(col(LOWEST)))
        .select(col(PARENT).as(NODE), col(LOWEST).as(PARENT));
    return parentsToLowest.union(lowest.select(col(NODE), col(LOWEST).as(PARENT))).distinct();
  }

  /**
   * The edges in one set and not the other (both distinct), counted by a Spark aggregation: an
   * edge kept by the round appears twice in the union, a changed one once.
   */
  static long changedEdges(Dataset<Row> before, Dataset<Row> after) {
    return before.union(after).groupBy(col(NODE), col(PARENT)).count()
        .filter(col("count").equalTo(1)).count();
  }

  /**
   * Every node of the input edges with its component: at the fixed point each component is a
   * star whose centre is its smallest id, so a node's parent is its component, and a node
   * without a parent (a centre, or a node met only in self-loops) is its own.
   */
  static Dataset<Row> components(Dataset<Row> inputEdges, Dataset<Row> stars) {
    Dataset<Row> nodes = inputEdges.select(col(CandidateEdges.SRC).cast(DataTypes.StringType)
            .as(NODE))
        .union(inputEdges.select(col(CandidateEdges.DST).cast(DataTypes.StringType).as(NODE)))
        .filter(col(NODE).isNotNull())
        .distinct();
    return nodes.join(stars, new String[] {NODE}, "left_outer")
        .select(col(NODE).as(ConnectedComponents.ID),
            coalesce(col(PARENT), col(NODE)).as(ConnectedComponents.COMPONENT));
  }

  /** Each node that has a parent, with its lowest one. */
  private static Dataset<Row> lowestParents(Dataset<Row> edges) {
    return edges.groupBy(col(NODE)).agg(min(col(PARENT)).as(LOWEST));
  }
}
