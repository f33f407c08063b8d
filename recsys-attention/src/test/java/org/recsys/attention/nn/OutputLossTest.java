package org.recsys.attention.nn;

import static org.assertj.core.api.Assertions.assertThat;
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
    OutputLoss.expInPlace(x, new float[n], n);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double e = Math.exp(expected[i]);
      worst = Math.max(worst, Math.abs(x[i] - e) / e);
    }
    assertThat(worst).as("largest relative error").isLessThan(3e-7);
    float[] tiny = {-200f, 0f};
    OutputLoss.expInPlace(tiny, new float[2], 2);
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
      double total = loss.fullSoftmax(y, 2, new int[] {0, 3, 0}, 1, 0.5f, dy);
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
}
