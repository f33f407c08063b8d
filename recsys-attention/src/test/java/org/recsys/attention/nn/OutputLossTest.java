package org.recsys.attention.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Known answers for the shared next-item losses. */
class OutputLossTest {
  @Test
  void theVectorisedExpIsAccurateOnTheSoftmaxRange() {
    int n = 870_001;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = -i * 1e-4f;
    }
    float[] expected = x.clone();
    VectorExp.expInPlace(x, new float[n], n);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double e = Math.exp(expected[i]);
      worst = Math.max(worst, Math.abs(x[i] - e) / e);
    }
    assertThat(worst).as("largest relative error").isLessThan(3e-7);
    float[] tiny = {-200f, 0f};
    VectorExp.expInPlace(tiny, new float[2], 2);
    assertThat(tiny[0]).isBetween(0f, 1e-37f);
    assertThat(tiny[1]).isEqualTo(1f);
  }

  @Test
  void fullSoftmaxOfEqualScoresIsLogNAndPushesTheTargetUp() {
    // Four items, dim 2; a state orthogonal to every item: all scores 0, so the loss is log 4 per row.
    float[] table = {0, 0, 1, 0, 0, 1, 1, 1, -1, 1};
    try (FloatTensor t = FloatTensor.of(table, 5, 2); FloatTensor g = FloatTensor.zeros(5, 2);
        FloatTensor y = FloatTensor.of(new float[] {0, 0, 0, 0}, 2, 2); FloatTensor dy = FloatTensor.zeros(2, 2);
        OutputLoss loss = new OutputLoss(t, g)) {
      double total = loss.fullSoftmax(y, 2, new int[] {0, 3, 0}, 1, 0.5f, dy, null);
      assertThat(total).isCloseTo(Math.log(4), within(1e-6));
      // Row 0 (target 3): dy = 0.5 * (sum_i p_i e_i - e_3) = 0.5 * ((1/4) * (1, 3) - (1, 1)) = (-0.375, -0.125).
      assertThat(dy.get(0)).isCloseTo(-0.375f, within(1e-6f));
      assertThat(dy.get(1)).isCloseTo(-0.125f, within(1e-6f));
      // Row 1 has no target: no gradient.
      assertThat(dy.get(2)).isZero();
      assertThat(dy.get(3)).isZero();
      // The padding row is never scored.
      assertThat(g.get(0)).isZero();
      assertThat(g.get(1)).isZero();
    }
  }

  @Test
  void excludingTheWindowsItemsLeavesThemOutOfTheSoftmaxAndItsGradient() {
    // Items 1 (1,0), 2 (0,1), 3 (1,1), 4 (-1,1). One window of two rows: inputs 1, 2; targets 3, none.
    float[] table = {0, 0, 1, 0, 0, 1, 1, 1, -1, 1};
    WindowItems window = new WindowItems(new int[] {0, 2}, new int[] {1, 2}, new int[] {3, 0});
    try (FloatTensor t = FloatTensor.of(table, 5, 2); FloatTensor g = FloatTensor.zeros(5, 2);
        FloatTensor y = FloatTensor.of(new float[] {1, 0, 0, 0}, 2, 2); FloatTensor dy = FloatTensor.zeros(2, 2);
        OutputLoss loss = new OutputLoss(t, g)) {
      // Row 0 scores items 3 and 4 only (1 and -1): loss = log(e + 1/e) - 1 = log(1 + e^-2).
      double total = loss.fullSoftmax(y, 2, new int[] {3, 0}, 0, 0.5f, dy, window);
      assertThat(total).isCloseTo(Math.log1p(Math.exp(-2)), within(1e-6));
      double p4 = 1 / (1 + Math.exp(2));
      // dy = 0.5 * (p3 e3 + p4 e4 - e3) = 0.5 * p4 * (e4 - e3) = 0.5 * p4 * (-2, 0).
      assertThat(dy.get(0)).isCloseTo((float) (-p4), within(1e-6f));
      assertThat(dy.get(1)).isCloseTo(0f, within(1e-6f));
      // The excluded items get no gradient; 3 and 4 get 0.5 * (p - [target]) * y.
      assertThat(new float[] {g.get(2), g.get(3), g.get(4), g.get(5)}).containsOnly(0f);
      assertThat(g.get(6)).isCloseTo((float) (-0.5 * p4), within(1e-6f));
      assertThat(g.get(8)).isCloseTo((float) (0.5 * p4), within(1e-6f));
      // Without the exclusion, item 1 (score 1) takes part and the loss is log(e + 1 + e + 1/e) - 1.
      g.fill(0f);
      double all = loss.fullSoftmax(y, 2, new int[] {3, 0}, 0, 0.5f, dy, null);
      assertThat(all).isCloseTo(Math.log(2 * Math.E + 1 + 1 / Math.E) - 1, within(1e-6));
      assertThat(g.get(2)).isNotZero();
    }
  }

  @Test
  void theScoreBiasShiftsEveryBinaryScoreAndGetsTheSumOfTheirGradients() {
    // Items 1 (1,0), 2 (0,1); one row y = (1, 0) with target 1 and negative 2: raw scores 1 and 0, bias -1.
    float[] table = {0, 0, 1, 0, 0, 1};
    try (FloatTensor t = FloatTensor.of(table, 3, 2); FloatTensor g = FloatTensor.zeros(3, 2);
        FloatTensor b = FloatTensor.of(new float[] {-1f}, 1); FloatTensor gb = FloatTensor.zeros(1);
        FloatTensor y = FloatTensor.of(new float[] {1, 0}, 1, 2); FloatTensor dy = FloatTensor.zeros(1, 2);
        OutputLoss loss = new OutputLoss(t, g, b, gb)) {
      // Biased scores 0 and -1: loss = softplus(-0) + softplus(-1) = log 2 + log(1 + e^-1).
      double total = loss.binary(y, 1, new int[] {1}, 0, new int[] {2}, 1, 1f, 1f, 1f, dy);
      assertThat(total).isCloseTo(Math.log(2) + Math.log1p(Math.exp(-1)), within(1e-6));
      // d/ds+ = -sigmoid(0) = -0.5; d/ds- = sigmoid(-1); the bias gets their sum.
      double sn = 1 / (1 + Math.E);
      assertThat(gb.get(0)).isCloseTo((float) (-0.5 + sn), within(1e-6f));
      assertThat(dy.get(0)).isCloseTo(-0.5f, within(1e-6f));
      assertThat(dy.get(1)).isCloseTo((float) sn, within(1e-6f));
      // Softmax losses ignore it: shifting every score changes nothing.
      try (OutputLoss plain = new OutputLoss(t, g)) {
        double withBias = loss.sampledSoftmax(y, 1, new int[] {1}, 0, new int[] {2}, 1, 1f, dy);
        assertThat(withBias).isCloseTo(plain.sampledSoftmax(y, 1, new int[] {1}, 0, new int[] {2}, 1, 1f, dy),
            within(1e-9));
      }
    }
    assertThatThrownBy(() -> new OutputLoss(FloatTensor.zeros(3, 2), FloatTensor.zeros(3, 2),
        FloatTensor.zeros(1), null)).isInstanceOf(IllegalArgumentException.class);
  }
}
