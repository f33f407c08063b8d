package org.recsys.attention.sasrec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.train.TrainingBatch;

/**
 * The hand-written SASRec against a naive double-precision reference: same outputs, and analytic gradients of
 * every weight equal to central finite differences of the reference loss, for every loss.
 */
class SasRecGradientTest {
  static final int ITEMS = 7;
  static final int MAX_LEN = 5;
  static final int DIM = 4;

  /** Three windows: full, short (heavily padded) and one of length 1. */
  static final int[] INPUTS = {
      3, 1, 4, 1, 5,
      0, 0, 2, 6, 7,
      0, 0, 0, 0, 6};
  static final int[] TARGETS = {
      1, 4, 1, 5, 2,
      0, 0, 6, 7, 3,
      0, 0, 0, 0, 1};

  static SasRecWeights randomWeights(long seed, int heads) {
    return randomWeights(seed, heads, PositionOrigin.END);
  }

  static SasRecWeights randomWeights(long seed, int heads, PositionOrigin origin) {
    return randomWeights(seed, heads, origin, false);
  }

  static SasRecWeights randomWeights(long seed, int heads, PositionOrigin origin, boolean scoreBias) {
    SasRecWeights w = SasRecWeights.allocate(ITEMS, MAX_LEN, DIM, 2, heads, origin, scoreBias);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < w.set.size(); i++) {
      Parameter p = w.set.get(i);
      boolean gain = p.name().endsWith(".gain");
      for (int j = 0; j < p.length(); j++) {
        double g = r.nextDouble(-1, 1);
        p.value().set(j, (float) (gain ? 1 + 0.3 * g : 0.5 * g));
      }
    }
    w.value(SasRecWeights.ITEM).fill(0, DIM, 0f);
    return w;
  }

  static int[] negatives(int k, long seed) {
    return GradientCheck.negatives(TARGETS, ITEMS, k, seed);
  }

  @Test
  void outputsMatchTheReferenceAtEveryRealPosition() {
    try (SasRecNetwork net = new SasRecNetwork(randomWeights(1, 2), NextItemLoss.BCE, 1, 0, 0.0, 1)) {
      ReferenceSasRec ref = new ReferenceSasRec(net.weights());
      PackedSequences packed = PackedSequences.fromWindows(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0, ITEMS);
      float[][] out = net.outputs(packed);
      int r = 0;
      for (int b = 0; b < 3; b++) {
        int[] window = java.util.Arrays.copyOfRange(INPUTS, b * MAX_LEN, (b + 1) * MAX_LEN);
        double[][] expected = ref.forward(window);
        for (int t = 0; t < MAX_LEN; t++) {
          if (window[t] == 0) {
            continue;
          }
          for (int j = 0; j < DIM; j++) {
            assertThat((double) out[r][j]).as("window %d position %d dim %d", b, t, j)
                .isCloseTo(expected[t][j], org.assertj.core.api.Assertions.within(2e-5));
          }
          r++;
        }
      }
      assertThat(r).isEqualTo(packed.rows);
    }
  }

  @ParameterizedTest
  @EnumSource(NextItemLoss.class)
  void analyticGradientsMatchFiniteDifferences(NextItemLoss loss) {
    checkGradients(loss, PositionOrigin.END, false);
  }

  @ParameterizedTest
  @EnumSource(value = NextItemLoss.class, names = {"BCE", "GBCE"})
  void theBinaryLossesScoreBiasHasTheFiniteDifferenceGradient(NextItemLoss loss) {
    checkGradients(loss, PositionOrigin.END, true);
  }

  @ParameterizedTest
  @EnumSource(PositionOrigin.class)
  void outputsAndGradientsMatchTheReferenceForEitherPositionOrigin(PositionOrigin origin) {
    try (SasRecNetwork net = new SasRecNetwork(randomWeights(4, 1, origin), NextItemLoss.CE, 0, 0, 0.0, 1)) {
      ReferenceSasRec ref = new ReferenceSasRec(net.weights());
      float[][] out = net.outputs(PackedSequences.fromWindows(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0, ITEMS));
      // The short window's first real position (row 5) is coded 2 (end) or 0 (start).
      double[] expected = ref.forward(java.util.Arrays.copyOfRange(INPUTS, MAX_LEN, 2 * MAX_LEN))[2];
      for (int j = 0; j < DIM; j++) {
        assertThat((double) out[5][j]).isCloseTo(expected[j], org.assertj.core.api.Assertions.within(2e-5));
      }
    }
    checkGradients(NextItemLoss.CE, origin, false);
  }

  @Test
  void ceWithoutHistoryScoresEachRowAgainstTheItemsOutsideItsWindow() {
    try (SasRecNetwork net = new SasRecNetwork(randomWeights(3, 2), NextItemLoss.CE, 0, 0, true, 0.0, 2)) {
      double loss = net.computeGradients(new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0), 5L);
      PackedSequences packed = PackedSequences.fromWindows(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0, ITEMS);
      float[][] out = net.outputs(packed);
      float[] e = net.weights().value(SasRecWeights.ITEM).toArray();
      double total = 0;
      int count = 0;
      for (int w = 0; w < packed.count; w++) {
        java.util.Set<Integer> own = new java.util.HashSet<>();
        for (int r = packed.start[w]; r < packed.start[w + 1]; r++) {
          own.add(packed.items[r]);
          own.add(packed.targets[r]);
        }
        for (int r = packed.start[w]; r < packed.start[w + 1]; r++) {
          int target = packed.targets[r];
          if (target == 0) {
            continue;
          }
          double sum = 0;
          for (int item = 1; item <= ITEMS; item++) {
            if (item == target || !own.contains(item)) {
              sum += Math.exp(dot(out[r], e, item));
            }
          }
          total += Math.log(sum) - dot(out[r], e, target);
          count++;
        }
      }
      assertThat(loss).isCloseTo(total / count, org.assertj.core.api.Assertions.within(1e-5));
      try (SasRecNetwork all = new SasRecNetwork(randomWeights(3, 2), NextItemLoss.CE, 0, 0, 0.0, 2)) {
        assertThat(all.computeGradients(new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0), 5L))
            .as("scoring every item costs more").isGreaterThan(loss + 1e-3);
      }
    }
  }

  private static double dot(float[] y, float[] table, int item) {
    double s = 0;
    for (int j = 0; j < DIM; j++) {
      s += y[j] * table[item * DIM + j];
    }
    return s;
  }

  private static void checkGradients(NextItemLoss loss, PositionOrigin origin, boolean scoreBias) {
    int k = GradientCheck.negativesFor(loss);
    double t = 0.6;
    int[] neg = negatives(k, 11);
    // Two threads: the batch is split and the gradients of both shares are summed.
    try (SasRecNetwork net = new SasRecNetwork(randomWeights(2, 2, origin, scoreBias), loss, k, t, 0.0, 2)) {
      double lossValue = net.computeGradients(new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, neg, k), 5L);
      ReferenceSasRec ref = new ReferenceSasRec(net.weights());
      double refLoss = ref.loss(loss, 3, INPUTS, TARGETS, neg, k, t);
      assertThat(lossValue).isCloseTo(refLoss, org.assertj.core.api.Assertions.within(1e-5 * (1 + refLoss)));
      double h = 1e-5;
      double maxAbs = 0;
      int checked = 0;
      for (int i = 0; i < net.parameters().size(); i++) {
        Parameter p = net.parameters().get(i);
        for (int j = 0; j < p.length(); j++) {
          double numeric = GradientCheck.central(ref.w[i], j, h, () -> ref.loss(loss, 3, INPUTS, TARGETS, neg, k, t));
          double analytic = p.gradient().get(j);
          if (i == SasRecWeights.ITEM && j < DIM) {
            // The padding row is never used: its gradient is exactly zero.
            assertThat(analytic).as("padding row gradient").isZero();
            continue;
          }
          assertThat(analytic).as("%s[%d] (%s)", p.name(), j, loss)
              .isCloseTo(numeric, org.assertj.core.api.Assertions.within(2e-4 + 2e-3 * Math.abs(numeric)));
          maxAbs = Math.max(maxAbs, Math.abs(numeric));
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(300);
      if (scoreBias) {
        Parameter bias = net.parameters().get(net.parameters().size() - 1);
        assertThat(bias.name()).isEqualTo("score_bias");
        assertThat(Math.abs(bias.gradient().get(0))).as("the bias gets a real gradient").isGreaterThan(1e-3f);
      }
      assertThat(maxAbs).as("the check must see real gradients").isGreaterThan(0.05);
    }
  }
}
