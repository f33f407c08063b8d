package org.recsys.attention.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.recsys.api.ConfigException;

class ActivationTest {
  @Test
  void geluMatchesItsTanhFormulaWorkedOutByHand() {
    // 0.5 * 1 * (1 + tanh(0.797885 * 1.044715)) = 0.5 * (1 + tanh(0.833562)) = 0.5 * (1 + 0.682384)
    assertThat(Activation.GELU.apply(1f)).isCloseTo(0.841192f, within(1e-5f));
    assertThat(Activation.GELU.apply(-1f)).isCloseTo(-0.158808f, within(1e-5f));
    assertThat(Activation.GELU.apply(0f)).isZero();
    assertThat(Activation.RELU.apply(-2f)).isZero();
    assertThat(Activation.RELU.apply(2f)).isEqualTo(2f);
  }

  @Test
  void derivativesMatchFiniteDifferences() {
    for (float x : new float[] {-3f, -1.2f, -0.3f, 0.2f, 0.9f, 2.5f}) {
      for (Activation a : Activation.values()) {
        double h = 1e-3;
        double fd = (a.apply((float) (x + h)) - a.apply((float) (x - h))) / (2 * h);
        assertThat((double) a.derivative(x)).as(a + " at " + x).isCloseTo(fd, within(2e-3));
      }
    }
  }

  @Test
  void theBulkFormsGiveTheElementFormsBitForBit() {
    float[] x = new float[37];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i - 18) * 0.37f;
    }
    for (Activation a : Activation.values()) {
      float[] applied = x.clone();
      float[] derived = x.clone();
      // One element past n stays as it was.
      a.applyInPlace(applied, x.length - 1);
      a.derivativeInPlace(derived, x.length - 1);
      for (int i = 0; i < x.length - 1; i++) {
        assertThat(applied[i]).as(a + " at " + x[i]).isEqualTo(a.apply(x[i]));
        assertThat(derived[i]).as(a + "' at " + x[i]).isEqualTo(a.derivative(x[i]));
      }
      assertThat(applied[x.length - 1]).isEqualTo(x[x.length - 1]);
      assertThat(derived[x.length - 1]).isEqualTo(x[x.length - 1]);
    }
  }

  @Test
  void anUnknownNameIsRefusedNamingTheKey() {
    assertThat(Activation.parse("activation", "gelu")).isEqualTo(Activation.GELU);
    assertThatThrownBy(() -> Activation.parse("activation", "swish")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("activation").hasMessageContaining("swish");
  }
}
