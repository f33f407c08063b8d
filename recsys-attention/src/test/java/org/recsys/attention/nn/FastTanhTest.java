package org.recsys.attention.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FastTanhTest {
  @Test
  void tanhAndSigmoidAreAccurateOverTheWholeRange() {
    double worstTanh = 0;
    double worstSigmoid = 0;
    for (float x = -30f; x <= 30f; x += 1e-3f) {
      worstTanh = Math.max(worstTanh, Math.abs(FastTanh.tanh(x) - Math.tanh(x)));
      worstSigmoid = Math.max(worstSigmoid, Math.abs(FastTanh.sigmoid(x) - 1 / (1 + Math.exp(-x))));
    }
    assertThat(worstTanh).isLessThan(1e-6);
    assertThat(worstSigmoid).isLessThan(1e-6);
    assertThat(FastTanh.tanh(0f)).isZero();
    assertThat(FastTanh.tanh(1e-20f)).isCloseTo(1e-20f, within(1e-26f));
    assertThat(FastTanh.tanh(Float.POSITIVE_INFINITY)).isEqualTo(1f, within(1e-6f));
    assertThat(FastTanh.tanh(-1e30f)).isEqualTo(-1f, within(1e-6f));
    assertThat(FastTanh.tanh(-0.5f)).isEqualTo(-FastTanh.tanh(0.5f));
  }
}
