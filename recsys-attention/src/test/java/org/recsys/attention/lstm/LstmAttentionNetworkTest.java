package org.recsys.attention.lstm;

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
import org.recsys.attention.model.ComposedNetwork;
import org.recsys.attention.nn.Adam;
import org.recsys.attention.nn.DenseStates;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.preset.LstmAttentionPreset;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.train.TrainingBatch;

/**
 * Structural properties of the composed LSTM-attention network (the preset's): causality, padding, truncation,
 * determinism, learning.
 */
class LstmAttentionNetworkTest {
  private static final int ITEMS = 30;
  private static final int MAX_LEN = 8;
  private static final int DIM = 12;

  /** The attention-pooling block above the two LSTM layers. */
  private static final String POOLING = "encoder.block2";

  private static LstmAttentionPreset.Params params(double dropout, int threads, Object... more) {
    List<Object> kv = new ArrayList<>(List.of("maxLen", MAX_LEN, "embeddingSize", DIM, "hiddenSize", 10,
        "attentionSize", 6, "layers", 2, "dropout", dropout, "threads", threads, "loss", "bce"));
    kv.addAll(Arrays.asList(more));
    return LstmAttentionNetworks.params(kv.toArray());
  }

  private static ComposedNetwork create(LstmAttentionPreset.Params p, long seed) {
    return LstmAttentionNetworks.create(p, ITEMS, seed);
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
  void changingAnItemNeverChangesEarlierStates() {
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
  void theAttentionLooksBeyondTheLastLstmState() {
    // With the attention's context removed (its half of combine.w zeroed), the state would be a function of the
    // LSTM state alone; the context term must matter.
    try (ComposedNetwork net = create(params(0.0, 1), 3)) {
      float[][] with = outputs(net, new int[] {5, 9, 2, 14});
      Parameter combine = net.parameters().get(net.parameters().indexOf(POOLING + ".combine.w"));
      combine.value().fill(10 * DIM, 20 * DIM, 0f);
      float[][] without = outputs(net, new int[] {5, 9, 2, 14});
      assertThat(without[3]).isNotEqualTo(with[3]);
    }
  }

  @Test
  void leftPaddingAndBatchCompanyDoNotChangeRealPositions() {
    try (ComposedNetwork net = create(params(0.2, 1), 4)) {
      int[] shortHistory = {4, 8, 15};
      // The same sequence as a left-padded training window (5 padding positions) and as a bare history.
      int[] window = {0, 0, 0, 0, 0, 4, 8, 15};
      int[] targets = {0, 0, 0, 0, 0, 8, 15, 16};
      float[][] padded = net.outputs(PackedSequences.fromWindows(1, MAX_LEN, window, targets, new int[0], 0, ITEMS));
      float[][] bare = outputs(net, shortHistory);
      for (int p = 0; p < 3; p++) {
        assertThat(padded[p]).containsExactly(bare[p]);
      }
      // In a batch beside full-length histories the short one would be padded: its state must not move.
      DenseStates alone = encoder(net).encode(List.of(shortHistory));
      DenseStates inBatch = encoder(net).encode(List.of(new int[] {1, 2, 3, 4, 5, 6, 7, 9},
          shortHistory, new int[] {11, 12, 13, 14, 16, 17, 18, 19}));
      for (int j = 0; j < DIM; j++) {
        assertThat(inBatch.rows()[1][j]).isCloseTo(alone.rows()[0][j], within(1e-5f));
      }
    }
  }

  @Test
  void theEncoderGivesTheStateOfTheLastPositionOfTheFullPass() {
    for (String output : List.of("tied", "dense")) {
      try (ComposedNetwork net = create(params(0.0, 1, "output", output), 9)) {
        int[][] histories = {{3}, {7, 1, 30, 2}, {1, 2, 3, 4, 5, 6, 7, 8}};
        DenseStates states = encoder(net).encode(List.of(histories));
        for (int i = 0; i < histories.length; i++) {
          float[][] all = outputs(net, histories[i]);
          float[] last = all[all.length - 1];
          assertThat(states.rows()[i]).hasSize(last.length);
          for (int j = 0; j < last.length; j++) {
            assertThat(states.rows()[i][j]).as("%s history %d dim %d", output, i, j).isCloseTo(last[j], within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void longHistoriesKeepTheirMostRecentItemsAndEmptyOnesAreAllowed() {
    try (ComposedNetwork net = create(params(0.0, 1), 5)) {
      int[] longHistory = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
      int[] recent = Arrays.copyOfRange(longHistory, longHistory.length - MAX_LEN, longHistory.length);
      DenseStates s = encoder(net).encode(List.of(longHistory, recent, new int[0]));
      // Equal up to rounding: the two sit in different rows of the batch's GEMMs, whose kernels may sum a row's
      // products in another order (seen on the Haswell kernel, 1 ulp).
      assertThat(s.rows()[0]).containsExactly(s.rows()[1], within(1e-6f));
      DenseStates other = encoder(net).encode(List.of(Arrays.copyOfRange(longHistory, 0, longHistory.length - 1)));
      assertThat(other.rows()[0]).as("a history that differs in its last %d items", MAX_LEN)
          .isNotEqualTo(s.rows()[0]);
      // An empty history carries no evidence: its state is the combination's bias.
      float[] bias = net.parameters().value(POOLING + ".combine.b").toArray();
      assertThat(s.rows()[2]).containsExactly(bias);
    }
  }

  @Test
  void lossFallsOnAFixedBatch() {
    for (String loss : List.of("bce", "ce")) {
      try (ComposedNetwork net = create(params(0.0, 1, "loss", loss), 6);
          Adam adam = new Adam(net.parameters(), 0.01, 0.9, 0.999, 1e-8, 0)) {
        TrainingBatch batch = fixedBatch(1);
        double first = net.computeGradients(batch, 1);
        double last = first;
        for (int i = 0; i < 80; i++) {
          adam.step();
          last = net.computeGradients(batch, 1);
        }
        assertThat(last).as(loss).isLessThan(first * 0.3);
      }
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
    try (ComposedNetwork net = create(params(0.3, 1, "output", "dense"), 8)) {
      TrainingBatch batch = fixedBatch(1);
      long seed = 99;
      net.computeGradients(batch, seed);
      List<float[]> analytic = new ArrayList<>();
      for (Parameter q : net.parameters().parameters()) {
        analytic.add(q.gradient().toArray());
      }
      SplittableRandom pick = new SplittableRandom(3);
      int checked = 0;
      for (int trial = 0; trial < 80; trial++) {
        int i = pick.nextInt(net.parameters().size());
        Parameter q = net.parameters().get(i);
        int j = pick.nextInt(q.length());
        if (Math.abs(analytic.get(i)[j]) < 1e-4) {
          continue; // unused rows of the tables: nothing to compare
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
      assertThat(checked).isGreaterThan(30);
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
      assertThatThrownBy(() -> encoder(net).encode(List.of(new int[] {4, 0})))
          .hasMessageContaining("item id 0 at position 1 is out of range");
    }
  }

  private static double[] trainLosses(long seed, int threads) {
    try (ComposedNetwork net = create(params(0.2, threads), seed);
        Adam adam = new Adam(net.parameters(), 0.001, 0.9, 0.999, 1e-8, 0)) {
      double[] losses = new double[5];
      for (int i = 0; i < losses.length; i++) {
        losses[i] = net.computeGradients(fixedBatch(i), seed * 31 + i);
        adam.step();
      }
      return losses;
    }
  }

  /** Four windows of different lengths with one negative per position. */
  static TrainingBatch fixedBatch(long seed) {
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
