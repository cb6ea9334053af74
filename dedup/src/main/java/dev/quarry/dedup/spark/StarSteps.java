package dev.quarry.dedup.spark;

import dev.quarry.core.MappedIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Tuple2;

/**
 * The steps of large-star / small-star connected components (Kiveris et al., "Connected
 * Components in MapReduce and Beyond", 2014) over RDDs of Spark strings. The graph is kept as
 * distinct undirected edges, each stored once as a pair (node, parent) with
 * {@code parent < node} in the order of their UTF-8 bytes (Spark's string order); that
 * orientation makes a node's smaller neighbours exactly its parents, so both steps need only the
 * lowest parent per node (a reduce by key, constant memory per node) joined back to the edges —
 * no neighbourhood is ever built as a list, and a node with millions of neighbours streams
 * through the join like any other.
 *
 * <p>Plain RDD operations rather than DataFrames: a round is a handful of small shuffles, and
 * planning each as a SQL query (optimiser, code generation, one job per query stage) cost more
 * than the shuffles themselves — 12 s of a 1 GB dedup run for three rounds.
 */
final class StarSteps {
  private StarSteps() {}

  /**
   * The input rows' (src, dst) string pairs once each as (node, parent); self-loops and pairs
   * with a missing end carry no connection and are left out. The input's rows may be reused.
   */
  static JavaPairRDD<UTF8String, UTF8String> oriented(JavaRDD<InternalRow> pairs,
      ByNode partitioner) {
    return distinct(pairs.flatMapToPair(row -> {
      if (row.isNullAt(0) || row.isNullAt(1)) {
        return List.<Tuple2<UTF8String, UTF8String>>of().iterator();
      }
      UTF8String a = row.getUTF8String(0);
      UTF8String b = row.getUTF8String(1);
      int order = a.compareTo(b);
      if (order == 0) {
        return List.<Tuple2<UTF8String, UTF8String>>of().iterator();
      }
      return List.of(order > 0 ? new Tuple2<>(a.clone(), b.clone())
          : new Tuple2<>(b.clone(), a.clone())).iterator();
    }), partitioner);
  }

  /**
   * Large-star: every node u links each larger neighbour v to the smallest of u's closed
   * neighbourhood, {@code m(u) = min(u, lowest parent of u)}. Edge (v, u) becomes (v, m(u)).
   * The result may repeat an edge: small-star, which always follows, neither minds nor passes
   * them on.
   */
  static JavaPairRDD<UTF8String, UTF8String> largeStar(JavaPairRDD<UTF8String, UTF8String> edges,
      ByNode partitioner) {
    JavaPairRDD<UTF8String, UTF8String> lowest = lowestParents(edges, partitioner);
    return edges.mapToPair(Tuple2::swap) // (parent, node)
        .leftOuterJoin(lowest, partitioner)
        .mapToPair(e -> new Tuple2<>(e._2()._1(), e._2()._2().orElse(e._1())));
  }

  /**
   * Small-star: every node u with parents links itself and each of its parents to its lowest
   * parent m. Edge (u, p) becomes (p, m) unless p is m, plus (u, m) once. Repeated input edges
   * are fine; the output is distinct.
   */
  static JavaPairRDD<UTF8String, UTF8String> smallStar(JavaPairRDD<UTF8String, UTF8String> edges,
      ByNode partitioner) {
    JavaPairRDD<UTF8String, UTF8String> byNode = edges.partitionBy(partitioner);
    JavaPairRDD<UTF8String, UTF8String> lowest = lowestParents(byNode, partitioner);
    JavaPairRDD<UTF8String, UTF8String> parentsToLowest = byNode.join(lowest, partitioner)
        .flatMapToPair(e -> {
          UTF8String parent = e._2()._1();
          UTF8String m = e._2()._2();
          List<Tuple2<UTF8String, UTF8String>> out = new ArrayList<>(1);
          if (!parent.equals(m)) {
            out.add(new Tuple2<>(parent, m));
          }
          return out.iterator();
        });
    return distinct(parentsToLowest.union(lowest), partitioner);
  }

  /**
   * The number of edges in one set and not the other (both distinct and partitioned by
   * {@code partitioner}, so no shuffle): per node, the parents in one round and not the other.
   * Runs a Spark job.
   */
  static long changedEdges(JavaPairRDD<UTF8String, UTF8String> before,
      JavaPairRDD<UTF8String, UTF8String> after, ByNode partitioner) {
    return before.cogroup(after, partitioner).map(node -> {
      Set<UTF8String> was = new HashSet<>();
      node._2()._1().forEach(was::add);
      long changed = 0;
      long kept = 0;
      for (UTF8String parent : node._2()._2()) {
        if (was.contains(parent)) {
          kept++;
        } else {
          changed++;
        }
      }
      return changed + was.size() - kept;
    }).fold(0L, Long::sum);
  }

  /**
   * The distinct edges, partitioned by node: a reduce over whole edges whose partitioner looks
   * only at the node, so the result's keys stay where {@code partitioner} puts them.
   */
  private static JavaPairRDD<UTF8String, UTF8String> distinct(
      JavaPairRDD<UTF8String, UTF8String> edges, ByNode partitioner) {
    return edges.mapToPair(e -> new Tuple2<>(e, Boolean.TRUE))
        .reduceByKey(partitioner, (a, b) -> a)
        .mapPartitionsToPair(rows -> MappedIterator.of(rows, Tuple2::_1), true);
  }

  /**
   * Hash partitioning by node: of a node key, or of the first element of an edge key (node,
   * parent), so that the distinct edges and the per-node values of one round sit in the same
   * partitions and join without a shuffle.
   */
  static final class ByNode extends FixedPartitioner {
    private static final long serialVersionUID = 1L;

    ByNode(int partitions) {
      super(partitions);
    }

    @Override
    public int getPartition(Object key) {
      Object node = key instanceof Tuple2<?, ?> edge ? edge._1() : key;
      return Math.floorMod(node.hashCode(), numPartitions());
    }
  }

  /**
   * Every node of the input pairs with its component, as rows (id, component): at the fixed
   * point each component is a star whose centre is its smallest id, so a node's parent is its
   * component, and a node without a parent (a centre, or a node met only in self-loops) is its
   * own.
   */
  static JavaRDD<InternalRow> components(JavaRDD<InternalRow> pairs,
      JavaPairRDD<UTF8String, UTF8String> stars, ByNode partitioner) {
    JavaPairRDD<UTF8String, Boolean> nodes = pairs.flatMapToPair(row -> {
      List<Tuple2<UTF8String, Boolean>> out = new ArrayList<>(2);
      for (int i = 0; i < 2; i++) {
        if (!row.isNullAt(i)) {
          out.add(new Tuple2<>(row.getUTF8String(i).clone(), true));
        }
      }
      return out.iterator();
    }).reduceByKey(partitioner, (a, b) -> a);
    return nodes.leftOuterJoin(stars, partitioner)
        .map(e -> (InternalRow) new GenericInternalRow(
            new Object[] {e._1(), e._2()._2().orElse(e._1())}));
  }

  /** Each node that has a parent, with its lowest one. */
  private static JavaPairRDD<UTF8String, UTF8String> lowestParents(
      JavaPairRDD<UTF8String, UTF8String> edges, ByNode partitioner) {
    return edges.reduceByKey(partitioner, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }
}
