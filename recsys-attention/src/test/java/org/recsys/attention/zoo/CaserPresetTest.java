package org.recsys.attention.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recsys.api.ConfigException;
import org.recsys.attention.dl4j.Dl4jNetwork;
import org.recsys.attention.model.Architecture;
import org.recsys.attention.model.ComposedModel;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.nn.ParameterSet;
import org.recsys.attention.preset.CaserPreset;
import org.recsys.attention.spec.SequentialSpec;
import org.recsys.attention.testing.PresetParams;
import org.recsys.attention.train.TrainingBatch;

/**
 * The {@code caser} preset: what it expands to, its convolutions against a hand computation (on the dl4j graph;
 * {@code Dl4jParityTest} checks the native layer against it), causality on both backends, and that it learns.
 */
class CaserPresetTest {
  private static final CaserPreset PRESET = new CaserPreset(ZooTraining.FACTORY);

  private static CaserPreset.Params params(Object... keysAndValues) {
    return PresetParams.of(CaserPreset.Params.class, keysAndValues);
  }

  @Test
  void expandsToAnEmbeddingACaserBlockAndAnOutputTableWithBias() {
    SequentialSpec s = (SequentialSpec) PRESET.expand(params()).orElseThrow().parameters();
    assertThat(s.name()).isEqualTo("caser");
    assertThat(s.backend()).isEqualTo("native");
    assertThat(((SequentialSpec) PRESET.expand(params("backend", "dl4j")).orElseThrow().parameters()).backend())
        .isEqualTo("dl4j");
    assertThat(s.encoder().embedding().positions()).isEqualTo("none");
    JsonNode block = s.encoder().expandedBlocks().get(0);
    assertThat(block.path("type").asText()).isEqualTo("caser");
    assertThat(block.path("window").asInt()).isEqualTo(5);
    assertThat(block.path("horizontal").asInt()).isEqualTo(16);
    assertThat(block.path("vertical").asInt()).isEqualTo(4);
    assertThat(block.path("dropout").asDouble()).isEqualTo(0.5);
    assertThat(s.head().path("tied").asBoolean()).isFalse();
    assertThat(s.head().path("bias").asBoolean()).isTrue();
    assertThat(s.loss().path("type").asText()).isEqualTo("bce");
    assertThat(s.loss().path("negatives").asInt()).isEqualTo(3);
    Architecture a = PRESET.resolve(params("hiddenSize", 8)).architecture(30);
    assertThat(a.encoder().outputSize()).as("[z ; u]").isEqualTo(16);
    assertThat(PRESET.resolve(params("hiddenSize", 8, "user", false)).architecture(30).encoder().outputSize())
        .isEqualTo(8);
  }

  @Test
  void aWindowLongerThanMaxLenIsRefusedByName() {
    assertThatThrownBy(() -> PRESET.resolve(params("maxLen", 4, "window", 5))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("window 5 is longer than maxLen 4");
  }

  /** Window 2, one filter per height, one vertical filter, d 2: every feature worked out from the weights. */
  @Test
  void theConvolutionsAndTheUserTermMatchAHandComputation() {
    int d = 2;
    Architecture a = PRESET.resolve(params("maxLen", 4, "hiddenSize", d, "window", 2, "horizontal", 1,
        "vertical", 1, "dropout", 0.0)).architecture(9);
    try (Dl4jNetwork net = Dl4jNetwork.create(a, 3)) {
      ParameterSet w = net.parameters();
      float[] e = w.value("encoder.embedding.items").toArray();
      // One window [pad, 4, 7, 2]: the last cell sees rows 7 and 2; its user term averages 4, 7 and 2.
      int[] inputs = {0, 4, 7, 2};
      float[][] states = net.graph().states(new TrainingBatch(1, 4, inputs, new int[4], new int[0], 0));
      float[] expected = reference(w, e, d, new int[] {4, 7, 2});
      for (int j = 0; j < 2 * d; j++) {
        assertThat((double) states[3][j]).as("output %d", j).isCloseTo(expected[j], within(1e-5));
      }
      // The first item's cell: the row before it is padding (zeros), its user term is its own row.
      float[] first = reference(w, e, d, new int[] {4});
      for (int j = 0; j < 2 * d; j++) {
        assertThat((double) states[1][j]).isCloseTo(first[j], within(1e-5));
      }
    }
  }

  /** Caser's block at the last of {@code items} (window 2), from its weights; rows before the items are zeros. */
  private static float[] reference(ParameterSet w, float[] e, int d, int[] items) {
    int n = items.length;
    float[] cur = row(e, items[n - 1], d);
    float[] prev = n > 1 ? row(e, items[n - 2], d) : new float[d];
    float[] w1 = w.value("encoder.block0.h1.w").toArray();
    float b1 = w.value("encoder.block0.h1.b").get(0);
    float h1 = Math.max(relu(dot(cur, w1) + b1), relu(dot(prev, w1) + b1));
    float[] w2 = w.value("encoder.block0.h2.w").toArray();
    float h2 = relu(dot(concat(prev, cur), w2) + w.value("encoder.block0.h2.b").get(0));
    float[] vw = w.value("encoder.block0.v.w").toArray();
    float vb = w.value("encoder.block0.v.b").get(0);
    float[] features = {h1, h2, vw[0] * prev[0] + vw[1] * cur[0] + vb, vw[0] * prev[1] + vw[1] * cur[1] + vb};
    float[] fw = w.value("encoder.block0.fc.w").toArray();
    float[] fb = w.value("encoder.block0.fc.b").toArray();
    float[] uw = w.value("encoder.block0.user.w").toArray();
    float[] mean = new float[d];
    for (int item : items) {
      for (int j = 0; j < d; j++) {
        mean[j] += e[item * d + j] / n;
      }
    }
    float[] out = new float[2 * d];
    for (int j = 0; j < d; j++) {
      float z = fb[j];
      for (int f = 0; f < features.length; f++) {
        z += features[f] * fw[f * d + j];
      }
      out[j] = relu(z);
      for (int i = 0; i < d; i++) {
        out[d + j] += mean[i] * uw[i * d + j];
      }
    }
    return out;
  }

  @Test
  void noCellSeesALaterItem() {
    Architecture a = PRESET.resolve(params("maxLen", 6, "hiddenSize", 4, "window", 3, "dropout", 0.0))
        .architecture(12);
    try (Dl4jNetwork net = Dl4jNetwork.create(a, 5)) {
      float[][] before = net.graph().states(new TrainingBatch(1, 6, new int[] {0, 3, 9, 1, 5, 8}, new int[6],
          new int[0], 0));
      float[][] after = net.graph().states(new TrainingBatch(1, 6, new int[] {0, 3, 9, 1, 5, 11}, new int[6],
          new int[0], 0));
      for (int c = 1; c < 5; c++) {
        assertThat(after[c]).as("cell %d", c).containsExactly(before[c]);
      }
      assertThat(after[5]).isNotEqualTo(before[5]);
    }
    assertThat(a.encoder().blocks().get(0).causal()).isTrue();
  }

  /**
   * Natively, a history's score is its last row's: a history that ends the same way but differs further back than
   * the window changes only through the user term, and without it not at all.
   */
  @Test
  void onlyTheWindowAndTheUserTermReachTheScores() {
    for (boolean user : new boolean[] {true, false}) {
      Architecture a = PRESET.resolve(params("maxLen", 8, "hiddenSize", 4, "window", 2, "dropout", 0.0, "user", user))
          .architecture(12);
      ParameterSet w = a.layout().allocate();
      a.layout().initialise(w, 3);
      try (ComposedNetwork net = new ComposedNetwork(a, w, 1)) {
        float[][] s = net.recommender().scoreAll(List.of(new int[] {1, 2, 3, 4, 5}, new int[] {7, 2, 3, 4, 5},
            new int[] {1, 2, 3, 9, 5}));
        if (user) {
          assertThat(s[1]).isNotEqualTo(s[0]);
        } else {
          // Equal up to rounding: the two sit in different rows of the batch's GEMMs, whose kernels may sum a
          // row's products in another order (1 ulp on OpenBLAS's Haswell kernel in LstmAttentionNetworkTest).
          assertThat(s[1]).containsExactly(s[0], within(1e-6f));
        }
        assertThat(s[2]).isNotEqualTo(s[0]);
      }
    }
  }

  /** Measured with seed 7: HR@10 0.656 against popularity 0.255 (0.653 on the dl4j backend, before it pooled ties as the native layer does). */
  @Test
  void learnsTheNextItemAndRoundTrips(@TempDir Path dir) throws IOException {
    try (ComposedModel model = ZooTraining.train(PRESET, params("maxLen", 20, "hiddenSize", 32, "dropout", 0.2,
        "learningRate", 0.005, "batchSize", 64, "epochs", 8, "validateEvery", 8, "patience", 1))) {
      ZooTraining.assertBeatsPopularity("caser", model, 0.3);
      ZooTraining.assertRoundTrip(model, dir);
    }
  }

  private static float[] row(float[] e, int item, int d) {
    float[] r = new float[d];
    System.arraycopy(e, item * d, r, 0, d);
    return r;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] c = new float[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static float dot(float[] a, float[] w) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * w[i];
    }
    return s;
  }

  private static float relu(float x) {
    return Math.max(0, x);
  }
}
