package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.recsys.api.Encoder;
import org.recsys.api.EncoderScorerRecommender;
import org.recsys.attention.layer.Initialisation;
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.nn.Adam;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.preset.SasRecPreset;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainingBatch;

/**
 * Structural properties of the composed SASRec network: causality, padding, truncation, determinism, learning.
 */
class SasRecNetworkTest {
  private static final int ITEMS = 30;
  private static final int MAX_LEN = 8;

  private static final String ITEM_TABLE = "encoder.embedding.items";

  private static SasRecPreset.Params params(double dropout, int threads) {
    return SasRecNetworks.params("maxLen", MAX_LEN, "hiddenSize", 16, "blocks", 2, "heads", 2, "dropout", dropout,
        "threads", threads);
  }

  private static ComposedNetwork create(SasRecPreset.Params p, long seed) {
    return SasRecNetworks.create(p, ITEMS, seed);
  }

  private static float[][] outputs(ComposedNetwork net, int[]... histories) {
    return net.outputs(PackedSequences.fromHistories(List.of(histories), MAX_LEN, ITEMS));
  }

  /** The network's inference encoder over its current weights. */
  @SuppressWarnings("unchecked")
  private static Encoder<DenseStates> encoder(ComposedNetwork net) {
    return ((EncoderScorerRecommender<DenseStates>) net.recommender()).encoder();
  }

  @Test
  void changingAnItemNeverChangesEarlierOutputs() {
    try (ComposedNetwork net = create(params(0.2, 1), 3)) {
      int[] a = {5, 9, 2, 14, 7, 21, 3};
      for (int t = 0; t < a.length; t++) {
        int[] b = a.clone();
        b[t] = b[t] == 1 ? 2 : b[t] - 1;
        float[][] oa = outputs(net, a);
        float[][] ob = outputs(net, b);
        for (int p = 0; p < t; p++) {
          assertThat(ob[p]).as("position %d after changing position %d", p, t).containsExactly(oa[p]);
        }
        assertThat(ob[t]).as("position %d itself must change", t).isNotEqualTo(oa[t]);
        if (t + 1 < a.length) {
          assertThat(ob[a.length - 1]).as("later positions see the change").isNotEqualTo(oa[a.length - 1]);
        }
      }
    }
  }

  @Test
  void leftPaddingAndBatchCompanyDoNotChangeRealPositions() {
    try (ComposedNetwork net = create(params(0.2, 1), 4)) {
      int[] shortHistory = {4, 8, 15};
      // The same sequence as a left-padded training window (padding 5 positions) and as a bare history.
      int[] window = {0, 0, 0, 0, 0, 4, 8, 15};
      int[] targets = {0, 0, 0, 0, 0, 8, 15, 16};
      float[][] padded = net.outputs(PackedSequences.fromWindows(1, MAX_LEN, window, targets, new int[0], 0, ITEMS));
      float[][] bare = outputs(net, shortHistory);
      for (int p = 0; p < 3; p++) {
        assertThat(padded[p]).containsExactly(bare[p]);
      }
      // In a batch with full-length histories the short one would be padded: its states must not move.
      DenseStates alone = encoder(net).encode(List.of(shortHistory));
      DenseStates inBatch = encoder(net).encode(List.of(new int[] {1, 2, 3, 4, 5, 6, 7, 9},
          shortHistory, new int[] {11, 12, 13, 14, 16, 17, 18, 19}));
      assertClose(inBatch.rows()[1], alone.rows()[0], "a short history alone and among long ones");
    }
  }

  @Test
  void positionsFromTheStartCodeAPrefixTheSameWhateverFollowsIt() {
    int[] history = {5, 9, 2, 14, 7, 21, 3};
    int[] prefix = Arrays.copyOf(history, 4);
    SasRecPreset.Params b = params(0.0, 1);
    try (ComposedNetwork start = create(SasRecNetworks.with(b, "positions", "start"), 6);
        ComposedNetwork end = create(SasRecNetworks.with(b, "positions", "end"), 6)) {
      // A training window's state at position 3 is what inference sees for the 4-item history.
      assertClose(outputs(start, history)[3], outputs(start, prefix)[3], "start: prefix inside vs alone");
      assertThat(outputs(end, history)[3]).as("end: the prefix's codes depend on the window's length")
          .isNotEqualTo(outputs(end, prefix)[3]);
    }
  }

  @Test
  void normalInitialisationDrawsSmallWeightsAndZeroBiases() {
    try (ComposedNetwork net = SasRecNetworks.create(SasRecNetworks.with(params(0.0, 1), "init", "normal",
        "hiddenSize", 32), 400, 7)) {
      var w = net.parameters();
      float[] items = w.value(ITEM_TABLE).toArray();
      double sq = 0;
      for (int i = 32; i < items.length; i++) {
        sq += items[i] * items[i];
      }
      assertThat(Math.sqrt(sq / (items.length - 32))).isCloseTo(Initialisation.NORMAL_STD, within(0.001));
      assertThat(Arrays.copyOf(items, 32)).as("padding row").containsOnly(0f);
      assertThat(w.value("encoder.block0.ffn.b1").toArray()).containsOnly(0f);
      assertThat(w.value("encoder.block1.ffn.b2").toArray()).containsOnly(0f);
    }
    try (ComposedNetwork xavier = SasRecNetworks.create(SasRecNetworks.with(params(0.0, 1), "hiddenSize", 32), 400,
        7)) {
      assertThat(xavier.parameters().value("encoder.block0.ffn.b1").toArray()).as("xavier: PyTorch's Conv1d biases")
          .isNotEqualTo(new float[32]);
    }
  }

  @Test
  void longHistoriesKeepTheirMostRecentItemsAndEmptyOnesAreAllowed() {
    try (ComposedNetwork net = create(params(0.0, 1), 5)) {
      int[] longHistory = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
      int[] recent = Arrays.copyOfRange(longHistory, longHistory.length - MAX_LEN, longHistory.length);
      DenseStates s = encoder(net).encode(List.of(longHistory, recent, new int[0]));
      // Equal up to BLAS rounding (the two sit at different rows of the batch).
      assertClose(s.rows()[0], s.rows()[1], "a long history and its most recent items");
      int[] olderChanged = longHistory.clone();
      olderChanged[0] = 20;
      int[] keptChanged = longHistory.clone();
      keptChanged[longHistory.length - MAX_LEN] = 20;
      DenseStates other = encoder(net).encode(List.of(longHistory, olderChanged, keptChanged));
      assertClose(other.rows()[1], other.rows()[0], "items older than the window are dropped");
      assertThat(other.rows()[2][0]).as("the oldest kept item counts").isNotCloseTo(other.rows()[0][0],
          within(1e-4f));
      // An empty history is the all-padding state: the final norm's bias.
      float[] bias = net.parameters().value("encoder.final_norm.bias").toArray();
      assertThat(s.rows()[2]).containsExactly(bias);
    }
  }

  @Test
  void lossFallsOnAFixedBatch() {
    SasRecPreset.Params p = params(0.0, 1);
    try (ComposedNetwork net = create(p, 6);
        Adam adam = new Adam(net.parameters(), 0.01, 0.9, 0.98, 1e-8, 0)) {
      TrainingBatch batch = fixedBatch(1);
      double first = net.computeGradients(batch, 1);
      double last = first;
      for (int i = 0; i < 60; i++) {
        adam.step();
        last = net.computeGradients(batch, 1);
      }
      assertThat(last).isLessThan(first * 0.3);
    }
  }

  @Test
  void theSameSeedGivesTheSameTrainingAndAnotherSeedDoesNot() {
    double[] a = trainLosses(11, 2);
    double[] b = trainLosses(11, 2);
    double[] c = trainLosses(12, 2);
    assertThat(b).containsExactly(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void theThreadCountChangesOnlyRounding() {
    double[] one = trainLosses(11, 1);
    double[] two = trainLosses(11, 2);
    for (int i = 0; i < one.length; i++) {
      assertThat(two[i]).isCloseTo(one[i], within(1e-4 * Math.abs(one[i])));
    }
  }

  /** With dropout on, a fixed step seed fixes the masks: analytic gradients match float finite differences. */
  @Test
  void dropoutGradientsMatchFiniteDifferences() {
    SasRecPreset.Params p = SasRecNetworks.params("maxLen", MAX_LEN, "hiddenSize", 8, "blocks", 2, "heads", 2,
        "dropout", 0.3, "threads", 1);
    try (ComposedNetwork net = create(p, 8)) {
      TrainingBatch batch = fixedBatch(1);
      long seed = 99;
      net.computeGradients(batch, seed);
      List<float[]> analytic = new ArrayList<>();
      for (Parameter q : net.parameters().parameters()) {
        analytic.add(q.gradient().toArray());
      }
      SplittableRandom pick = new SplittableRandom(3);
      int checked = 0;
      for (int trial = 0; trial < 60; trial++) {
        int i = pick.nextInt(net.parameters().size());
        Parameter q = net.parameters().get(i);
        int j = pick.nextInt(q.length());
        if (q.name().equals(ITEM_TABLE) && j < 8) {
          continue;
        }
        float saved = q.value().get(j);
        float h = 1e-2f;
        q.value().set(j, saved + h);
        double up = net.computeGradients(batch, seed);
        q.value().set(j, saved - h);
        double down = net.computeGradients(batch, seed);
        q.value().set(j, saved);
        double numeric = (up - down) / (2 * h);
        assertThat((double) analytic.get(i)[j]).as("%s[%d]", q.name(), j)
            .isCloseTo(numeric, within(2e-3 + 3e-2 * Math.abs(numeric)));
        checked++;
      }
      assertThat(checked).isGreaterThan(40);
    }
  }

  @Test
  void badBatchesAreRejectedWithTheReason() {
    try (ComposedNetwork net = create(params(0.0, 1), 1)) {
      int[] gap = {0, 0, 3, 0, 4, 5, 6, 7};
      int[] targets = {0, 0, 4, 0, 5, 6, 7, 8};
      assertThatThrownBy(() -> net.computeGradients(new TrainingBatch(1, MAX_LEN, gap, targets, gap, 1), 1))
          .hasMessageContaining("padding at position 3");
      int[] big = {0, 0, 0, 0, 0, 0, 3, 31};
      assertThatThrownBy(() -> net.computeGradients(new TrainingBatch(1, MAX_LEN, big, big, big, 1), 1))
          .hasMessageContaining("item id 31 is out of range");
      int[] ok = {0, 0, 0, 0, 0, 0, 3, 4};
      assertThatThrownBy(() -> net.computeGradients(new TrainingBatch(1, MAX_LEN, ok, ok, new int[0], 0), 1))
          .hasMessageContaining("needs 1 negatives per position");
    }
  }

  private static void assertClose(float[] actual, float[] expected, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    for (int j = 0; j < expected.length; j++) {
      assertThat(actual[j]).as("%s, dim %d", what, j).isCloseTo(expected[j], within(1e-5f));
    }
  }

  private static double[] trainLosses(long seed, int threads) {
    SasRecPreset.Params p = params(0.2, threads);
    try (ComposedNetwork net = create(p, seed);
        Adam adam = new Adam(net.parameters(), 0.001, 0.9, 0.98, 1e-8, 0)) {
      double[] losses = new double[5];
      for (int i = 0; i < losses.length; i++) {
        losses[i] = net.computeGradients(fixedBatch(i), seed * 31 + i);
        adam.step();
      }
      return losses;
    }
  }

  /** Four windows of different lengths with one negative per position. */
  private static TrainingBatch fixedBatch(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int size = 4;
    int[] inputs = new int[size * MAX_LEN];
    int[] targets = new int[size * MAX_LEN];
    int[] negatives = new int[size * MAX_LEN];
    for (int b = 0; b < size; b++) {
      int len = 2 + b * 2;
      int start = MAX_LEN - len;
      int item = 1 + r.nextInt(ITEMS);
      for (int t = start; t < MAX_LEN; t++) {
        int next = item % ITEMS + 1;
        inputs[b * MAX_LEN + t] = item;
        targets[b * MAX_LEN + t] = next;
        int neg;
        do {
          neg = 1 + r.nextInt(ITEMS);
        } while (neg == next);
        negatives[b * MAX_LEN + t] = neg;
        item = next;
      }
    }
    return new TrainingBatch(size, MAX_LEN, inputs, targets, negatives, 1);
  }
}
