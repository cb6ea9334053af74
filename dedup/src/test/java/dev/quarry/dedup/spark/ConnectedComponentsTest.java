package dev.quarry.dedup.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.quarry.core.RecordedLogs;
import dev.quarry.core.config.ConfigException;
import dev.quarry.core.spark.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectedComponentsTest {
  static final SparkSession spark = TestSpark.session();

  static Dataset<Row> edges(List<String[]> pairs) {
    StructType schema = new StructType().add(CandidateEdges.SRC, DataTypes.StringType)
        .add(CandidateEdges.DST, DataTypes.StringType);
    return spark.createDataFrame(pairs.stream().map(p -> RowFactory.create((Object[]) p))
        .toList(), schema);
  }

  static Map<String, String> components(Dataset<Row> components) {
    Map<String, String> byId = new TreeMap<>();
    for (Row row : components.collectAsList()) {
      assertThat(byId.put(row.getString(0), row.getString(1))).as("one row per id").isNull();
    }
    return byId;
  }

  static Map<String, String> expected(List<String[]> pairs) {
    UnionFind reference = new UnionFind();
    for (String[] pair : pairs) {
      if (pair[0] != null && pair[1] != null) {
        reference.union(pair[0], pair[1]);
      } else {
        Stream.of(pair).filter(id -> id != null).forEach(reference::find);
      }
    }
    return reference.components();
  }

  /** Node names in a seeded random order, of uneven lengths, so that id order owes nothing to
   * the shape of the graph. */
  static List<String> names(Random random, String prefix, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(prefix + Integer.toString(i, 36));
    }
    Collections.shuffle(names, random);
    return names;
  }

  /** {@code edgeCount} random pairs of {@code nodes} nodes: self-loops and repeats included. */
  static List<String[]> randomGraph(long seed, int nodes, int edgeCount) {
    Random random = new Random(seed);
    List<String> names = names(random, "r", nodes);
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < edgeCount; i++) {
      pairs.add(new String[] {names.get(random.nextInt(nodes)),
          names.get(random.nextInt(nodes))});
    }
    return pairs;
  }

  /** One path through {@code length} nodes whose names are in random order along it. */
  static List<String[]> path(long seed, int length) {
    List<String> names = names(new Random(seed), "p", length);
    List<String[]> pairs = new ArrayList<>();
    for (int i = 1; i < length; i++) {
      pairs.add(new String[] {names.get(i - 1), names.get(i)});
    }
    return pairs;
  }

  @ParameterizedTest(name = "seed {0}: {1} nodes, {2} random edges")
  @CsvSource({"11, 300, 90", "12, 300, 160", "13, 300, 400", "14, 120, 1500"})
  void matchesUnionFindOnRandomGraphs(long seed, int nodes, int edgeCount) {
    List<String[]> pairs = randomGraph(seed, nodes, edgeCount);
    ConnectedComponents.Result result = ConnectedComponents.run(edges(pairs));
    assertThat(components(result.components())).isEqualTo(expected(pairs));
  }

  @Test
  void aLongPathNeedsSeveralRoundsAndEndsInOneComponent() {
    List<String[]> pairs = path(21, 200);
    ConnectedComponents.Result result = ConnectedComponents.run(edges(pairs));
    Map<String, String> components = components(result.components());
    assertThat(components).hasSize(200).isEqualTo(expected(pairs));
    assertThat(components.values()).containsOnly("p0");
    assertThat(result.rounds()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aStarJoinsItsCentreToTheSmallestLeaf() {
    List<String[]> pairs = List.of(new String[] {"m", "c"}, new String[] {"x", "m"},
        new String[] {"m", "a"}, new String[] {"m", "z"});
    Map<String, String> components = components(ConnectedComponents.run(edges(pairs))
        .components());
    assertThat(components).containsOnlyKeys("a", "c", "m", "x", "z");
    assertThat(components.values()).containsOnly("a");
  }

  @Test
  void aSingleEdgeTakesOneRoundAndTheRoundsAreLoggedAtInfo() {
    ConnectedComponents.Result result;
    try (RecordedLogs logs = RecordedLogs.of(ConnectedComponents.class)) {
      result = ConnectedComponents.run(edges(List.<String[]>of(new String[] {"b", "a"})));
      assertThat(logs.messages())
          .contains("INFO connected components: converged after " + result.rounds()
              + " rounds");
    }
    assertThat(result.rounds()).isEqualTo(1);
    assertThat(components(result.components())).containsExactly(entry("a", "a"),
        entry("b", "a"));
  }

  @Test
  void selfLoopsDuplicatesAndMissingEndsKeepTheirNodes() {
    List<String[]> pairs = List.of(new String[] {"x", "x"}, new String[] {"y", "y"},
        new String[] {"y", "z"}, new String[] {"z", "y"}, new String[] {"y", "z"},
        new String[] {"w", null}, new String[] {null, null});
    assertThat(components(ConnectedComponents.run(edges(pairs)).components()))
        .containsExactly(entry("w", "w"), entry("x", "x"), entry("y", "y"), entry("z", "y"));
  }

  @Test
  void noEdgesNoComponents() {
    ConnectedComponents.Result result = ConnectedComponents.run(edges(List.of()));
    assertThat(result.components().count()).isZero();
    assertThat(result.rounds()).isEqualTo(1);
  }

  @Test
  void idsCompareAsStringsWhateverTheirColumnType() {
    Dataset<Row> numbers = spark.range(9, 11).selectExpr("9 AS src", "id AS dst");
    assertThat(components(ConnectedComponents.run(numbers).components()))
        .containsExactly(entry("10", "10"), entry("9", "10"));
  }

  @Test
  void theSameComponentsWhateverThePartitioning() {
    List<String[]> pairs = new ArrayList<>(randomGraph(31, 150, 100));
    pairs.addAll(path(32, 40));
    Dataset<Row> input = edges(pairs);
    Map<String, String> onOne = ShufflePartitions.with(spark, 1,
        () -> components(ConnectedComponents.run(input.repartition(1)).components()));
    Map<String, String> onMany = ShufflePartitions.with(spark, 5,
        () -> components(ConnectedComponents.run(input.repartition(7)).components()));
    assertThat(onOne).isEqualTo(onMany).isEqualTo(expected(pairs));
  }

  @Test
  void reliableCheckpointsEveryRoundInTheGivenDirectory(@TempDir Path dir) throws IOException {
    List<String[]> pairs = new ArrayList<>(randomGraph(41, 150, 100));
    pairs.addAll(path(42, 40));
    ConnectedComponents.Result result = ConnectedComponents.run(edges(pairs),
        new ConnectedComponents.Settings(1, dir.toUri().toString()));
    assertThat(components(result.components())).isEqualTo(expected(pairs));
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("rdd-")).count())
          .as("a checkpoint per round and one for the result")
          .isEqualTo(result.rounds() + 1L);
    }
  }

  @Test
  void settingsNameTheFieldTheyRefuse() {
    assertThatThrownBy(() -> new ConnectedComponents.Settings(0, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("checkpoint_interval");
    assertThatThrownBy(() -> new ConnectedComponents.Settings(2, " "))
        .isInstanceOf(ConfigException.class).hasMessageContaining("checkpoint_dir");
  }
}
