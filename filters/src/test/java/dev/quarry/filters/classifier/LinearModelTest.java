package dev.quarry.filters.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearModelTest {
  private static byte[] bytes(LinearModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }

  private static LinearModel read(byte[] bytes) throws IOException {
    return LinearModel.read(new ByteArrayInputStream(bytes), "m/model.bin");
  }

  @Test
  void writeThenReadGivesTheSameModelBitForBit() throws IOException {
    LinearModel model = TestModels.random(new FeatureSpec(1, 3, 1 << 12), 7);
    byte[] written = bytes(model);
    LinearModel back = read(written);
    assertThat(back.spec()).isEqualTo(model.spec());
    assertThat(Double.doubleToRawLongBits(back.intercept()))
        .isEqualTo(Double.doubleToRawLongBits(model.intercept()));
    for (int b = 0; b < model.spec().buckets(); b++) {
      assertThat(Double.doubleToRawLongBits(back.weight(b))).as("bucket " + b)
          .isEqualTo(Double.doubleToRawLongBits(model.weight(b)));
    }
    assertThat(bytes(back)).isEqualTo(written);
    // Sparse: header (8 + 12 + 8 + 4 bytes) and 12 bytes per non-zero weight.
    long nonZero = java.util.stream.IntStream.range(0, 1 << 12)
        .filter(b -> model.weight(b) != 0).count();
    assertThat(written).hasSize((int) (32 + 12 * nonZero));
    assertThat(nonZero).isLessThan(1 << 12);
  }

  @Test
  void anAllZeroModelIsJustAHeader() throws IOException {
    LinearModel zero = new LinearModel(FeatureSpec.DEFAULT, 0.25, new double[1 << 20]);
    byte[] written = bytes(zero);
    assertThat(written).hasSize(32);
    assertThat(read(written).intercept()).isEqualTo(0.25);
  }

  /** A file as {@link LinearModel#write} lays it out, with any values. */
  private static byte[] file(String magic, int minN, int maxN, int buckets, double intercept,
      int count, int[] indices, double[] weights) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeBytes(magic);
    out.writeInt(minN);
    out.writeInt(maxN);
    out.writeInt(buckets);
    out.writeDouble(intercept);
    out.writeInt(count);
    for (int i = 0; i < indices.length; i++) {
      out.writeInt(indices[i]);
      out.writeDouble(weights[i]);
    }
    out.flush();
    return bytes.toByteArray();
  }

  @Test
  void damagedFilesAreRejectedSayingWhatIsWrong() throws IOException {
    int[] two = {1, 3};
    double[] w = {0.5, -0.5};
    byte[] good = file("QRYLINM1", 1, 2, 4, 0, 2, two, w);
    assertThat(read(good).weight(3)).isEqualTo(-0.5);

    record Damaged(String what, byte[] bytes, String message) {}
    List<Damaged> cases = List.of(
        new Damaged("not a model", "{\"features\": 1}\n".getBytes(), "not a Quarry linear model"),
        new Damaged("empty", new byte[0], "ends early"),
        new Damaged("truncated", Arrays.copyOf(good, good.length - 3), "ends early"),
        new Damaged("trailing bytes", Arrays.copyOf(good, good.length + 1), "bytes after"),
        new Damaged("buckets not a power of two", file("QRYLINM1", 1, 2, 5, 0, 0,
            new int[0], new double[0]), "in 5 buckets"),
        new Damaged("n-grams", file("QRYLINM1", 3, 2, 4, 0, 0, new int[0], new double[0]),
            "features 3-2"),
        new Damaged("more weights than buckets", file("QRYLINM1", 1, 2, 4, 0, 5, two, w),
            "5 weights for 4 buckets"),
        new Damaged("negative count", file("QRYLINM1", 1, 2, 4, 0, -1, two, w),
            "-1 weights"),
        new Damaged("out of order", file("QRYLINM1", 1, 2, 4, 0, 2, new int[] {3, 1}, w),
            "bucket 1 out of order"),
        new Damaged("out of range", file("QRYLINM1", 1, 2, 4, 0, 2, new int[] {1, 4}, w),
            "bucket 4 out of order or range"),
        new Damaged("NaN weight", file("QRYLINM1", 1, 2, 4, 0, 2, two,
            new double[] {0.5, Double.NaN}), "weight NaN of bucket 3"),
        new Damaged("infinite intercept", file("QRYLINM1", 1, 2, 4,
            Double.POSITIVE_INFINITY, 2, two, w), "intercept Infinity"));
    for (Damaged d : cases) {
      assertThatThrownBy(() -> read(d.bytes())).as(d.what()).isInstanceOf(IOException.class)
          .hasMessageStartingWith("m/model.bin")
          .hasMessageContaining(d.message());
    }
    assertThat(ByteBuffer.wrap(good, 8, 4).getInt()).isEqualTo(1); // the layout is as written
  }

  private static final List<String> TEXTS = List.of("", "one", "Two words",
      "The council met on Tuesday to talk about the new library; the library opens in May.",
      "spam spam spam spam spam spam spam eggs spam",
      "Der Gemeinderat tagte am Dienstag. Übermorgen öffnet die Bibliothek.",
      "हिन्दी भाषा में एक वाक्य। 我们今天去公园。 Ελληνικά κείμενα εδώ.",
      "x ".repeat(10_000) + "and finally something else",
      "!!! ... ---", "a\n\nb\n\n\nc d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3");

  @Test
  void scoringTheTextEqualsScoringItsSparseVector() {
    for (FeatureSpec spec : List.of(FeatureSpec.DEFAULT, new FeatureSpec(1, 3, 1 << 8),
        new FeatureSpec(2, 2, 2))) {
      LinearModel model = TestModels.random(spec, spec.hashCode());
      NgramFeatures features = new NgramFeatures(spec);
      for (String text : TEXTS) {
        double direct = model.probability(text, features);
        double sparse = model.probability(features.sparse(text));
        assertThat(direct).as(spec + ": " + text).isCloseTo(sparse, within(1e-12));
        assertThat(direct).isBetween(0.0, 1.0);
      }
    }
    Random random = new Random(3);
    LinearModel model = TestModels.random(FeatureSpec.DEFAULT, 11);
    NgramFeatures features = new NgramFeatures(FeatureSpec.DEFAULT);
    for (int i = 0; i < 200; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(300); w > 0; w--) {
        text.append("w").append(random.nextInt(50)).append(random.nextInt(8) == 0 ? ". " : " ");
      }
      assertThat(model.probability(text, features)).isCloseTo(
          model.probability(features.sparse(text)), within(1e-12));
    }
  }

  @Test
  void probabilityByHand() {
    NgramFeatures features = new NgramFeatures(new FeatureSpec(1, 1, 1 << 20));
    // Every weight 3, intercept -1: whatever the buckets, the margin is -1 + 3 = 2.
    double[] threes = new double[1 << 20];
    Arrays.fill(threes, 3);
    LinearModel flat = new LinearModel(features.spec(), -1, threes);
    assertThat(flat.probability("any text at all", features))
        .isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15));
    assertThat(flat.probability("", features)).isCloseTo(1 / (1 + Math.exp(1)), within(1e-15));

    // "good" weighs 2, "bad" -1, intercept 0.5: "good good bad" has margin 0.5 + (2+2-1)/3.
    features.hashes("good bad");
    int good = features.bucket(0);
    int bad = features.bucket(1);
    assertThat(good).isNotEqualTo(bad);
    double[] weights = new double[1 << 20];
    weights[good] = 2;
    weights[bad] = -1;
    LinearModel model = new LinearModel(features.spec(), 0.5, weights);
    assertThat(model.margin("Good, good... BAD!", features)).isCloseTo(1.5, within(1e-15));
    assertThat(model.probability("Good, good... BAD!", features))
        .isCloseTo(0.8175744761936437, within(1e-15));
    assertThat(model.probability("neutral words only", features))
        .isCloseTo(1 / (1 + Math.exp(-0.5)), within(1e-15));
  }

  @Test
  void featuresOfAnotherSpecAreRefused() {
    LinearModel model = TestModels.random(FeatureSpec.DEFAULT, 1);
    assertThatThrownBy(() -> model.probability("x", new NgramFeatures(
        new FeatureSpec(1, 3, 1 << 20)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LinearModel(FeatureSpec.DEFAULT, 0, new double[4]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
