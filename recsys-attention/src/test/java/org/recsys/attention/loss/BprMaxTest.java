package org.recsys.attention.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BprMaxTest {
  @Test
  void knownAnswerWorkedOutByHand() {
    // Target 1, negatives 0 and ln 3 = 1.098612: softmax weights 1/4 and 3/4;
    // sigmoid(1 - 0) = 0.731059, sigmoid(1 - 1.098612) = 0.475367;
    // -log(0.25 * 0.731059 + 0.75 * 0.475367) = -log(0.539290) = 0.617502;
    // regulariser 0.5 * (0.25 * 0 + 0.75 * 1.206949) = 0.452606.
    float[] s = {1f, 0f, (float) Math.log(3)};
    double loss = new BprMax(2, 0.5).apply(s, 3, 1f);
    assertThat(loss).isCloseTo(0.617502 + 0.452606, within(1e-5));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    SplittableRandom random = new SplittableRandom(3);
    for (double reg : new double[] {0.0, 1.0}) {
      BprMax loss = new BprMax(5, reg);
      float[] scores = new float[6];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = (float) random.nextDouble(-2, 2);
      }
      float[] grad = scores.clone();
      loss.apply(grad, 6, 1f);
      for (int i = 0; i < scores.length; i++) {
        double h = 1e-3;
        float[] up = scores.clone();
        up[i] += (float) h;
        float[] down = scores.clone();
        down[i] -= (float) h;
        double fd = (loss.apply(up, 6, 1f) - loss.apply(down, 6, 1f)) / (2 * h);
        assertThat((double) grad[i]).as("reg %s, score %d", reg, i).isCloseTo(fd, within(2e-3));
      }
    }
  }

  @Test
  void theScaleMultipliesTheGradientsOnly() {
    float[] a = {0.3f, -0.2f, 0.9f, 0.1f};
    float[] b = a.clone();
    double la = new BprMax(3, 1).apply(a, 4, 1f);
    double lb = new BprMax(3, 1).apply(b, 4, 0.25f);
    assertThat(lb).isEqualTo(la);
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).isCloseTo(a[i] * 0.25f, within(1e-7f));
    }
  }

  @Test
  void aTargetFarAboveItsNegativesCostsOnlyTheRegulariser() {
    float[] s = {30f, 0f, 0f};
    assertThat(new BprMax(2, 0).apply(s, 3, 1f)).isCloseTo(0, within(1e-9));
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new BprMax(0, 1)).hasMessageContaining("negative");
    assertThatThrownBy(() -> new BprMax(4, -1)).hasMessageContaining("regularization");
  }
}
