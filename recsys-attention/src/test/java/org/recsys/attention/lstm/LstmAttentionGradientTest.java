package org.recsys.attention.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recsys.attention.nn.Parameter;
import org.recsys.attention.nn.NextItemLoss;
import org.recsys.attention.train.PackedSequences;
import org.recsys.attention.testing.GradientCheck;
import org.recsys.attention.train.TrainingBatch;

/**
 * The hand-written LSTM-attention network against a naive double-precision reference: the same states at every
 * real position, and analytic gradients of every weight equal to central finite differences of the reference
 * loss, for every loss and both output layers, with two stacked LSTM layers.
 */
class LstmAttentionGradientTest {
  static final int ITEMS = 7;
  static final int MAX_LEN = 5;
  static final int DIM = 4;
  static final int HIDDEN = 3;
  static final int ATTENTION = 3;

  /** Three windows: full, short (heavily padded) and one of length 1. */
  static final int[] INPUTS = {
      3, 1, 4, 1, 5,
      0, 0, 2, 6, 7,
      0, 0, 0, 0, 6};
  static final int[] TARGETS = {
      1, 4, 1, 5, 2,
      0, 0, 6, 7, 3,
      0, 0, 0, 0, 1};

  static LstmAttentionWeights randomWeights(long seed, OutputKind output) {
    return randomWeights(seed, output, false);
  }

  static LstmAttentionWeights randomWeights(long seed, OutputKind output, boolean scoreBias) {
    LstmAttentionWeights w = LstmAttentionWeights.allocate(ITEMS, DIM, HIDDEN, 2, ATTENTION, output, scoreBias);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < w.set.size(); i++) {
      Parameter p = w.set.get(i);
      // Large attention weights make the scores vary between keys, so that the query's gradient is not tiny.
      double scale = i == w.wq() || i == w.wk() || i == w.v() ? 3.0 : 1.5;
      for (int j = 0; j < p.length(); j++) {
        p.value().set(j, (float) (scale * r.nextDouble(-1, 1)));
      }
    }
    w.value(LstmAttentionWeights.ITEM).fill(0, DIM, 0f);
    if (output == OutputKind.DENSE) {
      w.value(w.scoreTable()).fill(0, DIM + 1, 0f);
    }
    return w;
  }

  static int[] negatives(int k, long seed) {
    return GradientCheck.negatives(TARGETS, ITEMS, k, seed);
  }

  /** Every loss with both output layers, and the binary losses again with a score bias. */
  static Stream<Arguments> lossesAndOutputs() {
    Stream<Arguments> plain = Arrays.stream(NextItemLoss.values())
        .flatMap(l -> Arrays.stream(OutputKind.values()).map(o -> Arguments.of(l, o, false)));
    Stream<Arguments> biased = Stream.of(NextItemLoss.BCE, NextItemLoss.GBCE)
        .flatMap(l -> Arrays.stream(OutputKind.values()).map(o -> Arguments.of(l, o, true)));
    return Stream.concat(plain, biased);
  }

  @Test
  void statesMatchTheReferenceAtEveryRealPosition() {
    for (OutputKind output : OutputKind.values()) {
      LstmAttentionWeights w = randomWeights(1, output);
      try (LstmAttentionNetwork net = new LstmAttentionNetwork(w, MAX_LEN, NextItemLoss.CE, 0, 0, 0.0, 1)) {
        ReferenceLstmAttention ref = new ReferenceLstmAttention(w);
        PackedSequences packed = PackedSequences.fromWindows(3, MAX_LEN, INPUTS, TARGETS, new int[0], 0, ITEMS);
        float[][] out = net.outputs(packed);
        int r = 0;
        for (int b = 0; b < 3; b++) {
          int[] window = Arrays.copyOfRange(INPUTS, b * MAX_LEN, (b + 1) * MAX_LEN);
          double[][] expected = ref.forward(window);
          for (int t = 0; t < MAX_LEN; t++) {
            if (window[t] == 0) {
              continue;
            }
            assertThat(out[r]).hasSize(expected[t].length);
            for (int j = 0; j < expected[t].length; j++) {
              assertThat((double) out[r][j]).as("%s window %d position %d dim %d", output, b, t, j)
                  .isCloseTo(expected[t][j], within(2e-5));
            }
            r++;
          }
        }
        assertThat(r).isEqualTo(packed.rows);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("lossesAndOutputs")
  void analyticGradientsMatchFiniteDifferences(NextItemLoss loss, OutputKind output, boolean scoreBias) {
    int k = GradientCheck.negativesFor(loss);
    double t = 0.6;
    int[] neg = negatives(k, 11);
    LstmAttentionWeights w = randomWeights(2, output, scoreBias);
    // Two threads: the batch is split and the gradients of both shares are summed.
    try (LstmAttentionNetwork net = new LstmAttentionNetwork(w, MAX_LEN, loss, k, t, 0.0, 2)) {
      double lossValue = net.computeGradients(new TrainingBatch(3, MAX_LEN, INPUTS, TARGETS, neg, k), 5L);
      ReferenceLstmAttention ref = new ReferenceLstmAttention(w);
      double refLoss = ref.loss(loss, 3, MAX_LEN, INPUTS, TARGETS, neg, k, t);
      assertThat(lossValue).isCloseTo(refLoss, within(1e-5 * (1 + refLoss)));
      double step = 1e-5;
      double maxAbs = 0;
      int checked = 0;
      for (int i = 0; i < net.parameters().size(); i++) {
        Parameter p = net.parameters().get(i);
        int rowWidth = (int) p.shape()[p.shape().length - 1];
        boolean table = i == LstmAttentionWeights.ITEM || i == w.scoreTable();
        double errSq = 0;
        double normSq = 0;
        for (int j = 0; j < p.length(); j++) {
          double numeric = GradientCheck.central(ref.w[i], j, step,
              () -> ref.loss(loss, 3, MAX_LEN, INPUTS, TARGETS, neg, k, t));
          double analytic = p.gradient().get(j);
          if (table && j < rowWidth) {
            // The padding row is never looked up or scored: its gradient is exactly zero.
            assertThat(analytic).as("%s padding row gradient", p.name()).isZero();
            continue;
          }
          assertThat(analytic).as("%s[%d] (%s, %s)", p.name(), j, loss, output)
              .isCloseTo(numeric, within(2e-4 + 2e-3 * Math.abs(numeric)));
          maxAbs = Math.max(maxAbs, Math.abs(numeric));
          errSq += (analytic - numeric) * (analytic - numeric);
          normSq += numeric * numeric;
          checked++;
        }
        // Per tensor, relative to its own gradient's size: small tensors' errors cannot hide under the
        // absolute tolerance (a 1% error in any one tensor's gradient fails here).
        assertThat(Math.sqrt(normSq)).as("%s has a gradient (%s, %s)", p.name(), loss, output).isGreaterThan(2e-5);
        assertThat(Math.sqrt(errSq / normSq)).as("%s relative error (%s, %s)", p.name(), loss, output)
            .isLessThan(2e-3);
      }
      assertThat(checked).isGreaterThan(250);
      assertThat(maxAbs).as("the check must see real gradients").isGreaterThan(0.05);
    }
  }
}
