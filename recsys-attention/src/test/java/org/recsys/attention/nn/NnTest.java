package org.recsys.attention.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers for the numeric building blocks. */
class NnTest {
  @Test
  void fastExpIsWithinAFewUlpOfMathExp() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      float x = (float) r.nextDouble(-87, 88);
      double exact = Math.exp(x);
      assertThat((double) FastExp.exp(x)).as("exp(%s)", x).isCloseTo(exact, within(exact * 4e-7));
    }
    assertThat(FastExp.exp(0f)).isEqualTo(1f);
    assertThat(FastExp.exp(-100f)).isZero();
    assertThat(FastExp.exp(100f)).isInfinite();
    assertThat(FastExp.exp(Float.NaN)).isNaN();
    assertThat(FastExp.exp(Float.NEGATIVE_INFINITY)).isZero();
  }

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
  void adamTakesTheTorchStepAndKeepsTheZeroPaddingRowZero() {
    Parameter w = Parameter.zeros("w", true, 2, 2);
    w.value().copyFrom(new float[] {0f, 0f, 1f, -2f});
    w.gradient().copyFrom(new float[] {0f, 0f, 0.5f, 0.5f});
    try (ParameterSet set = new ParameterSet(List.of(w)); Adam adam = new Adam(set, 0.1, 0.9, 0.98, 1e-8, 0.01)) {
      adam.step();
      // Step 1: m = 0.1 g, v = 0.02 g^2, corrected m/sqrt(v) = sign(g): w -= lr * sign(g + l2 w).
      assertThat(w.value().toArray()).containsExactly(new float[] {0f, 0f, 0.9f, -2.1f}, within(1e-6f));
      assertThat(adam.steps()).isEqualTo(1);
    }
  }

  @Test
  void parameterValuesRoundTripAndALayoutMismatchIsNamed() throws IOException {
    Parameter a = Parameter.zeros("a", false, 3);
    Parameter b = Parameter.zeros("b", true, 2, 2);
    a.value().copyFrom(new float[] {1, 2, 3});
    b.value().copyFrom(new float[] {4, 5, 6, 7});
    try (ParameterSet set = new ParameterSet(List.of(a, b))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      set.writeValues(out);
      float[][] before = set.snapshot();
      a.value().fill(0f);
      b.value().fill(0f);
      set.readValues(new ByteArrayInputStream(out.toByteArray()));
      assertThat(set.snapshot()).isDeepEqualTo(before);
      try (ParameterSet other = new ParameterSet(List.of(Parameter.zeros("a", false, 3),
          Parameter.zeros("b", true, 2, 3)))) {
        assertThatThrownBy(() -> other.readValues(new ByteArrayInputStream(out.toByteArray())))
            .isInstanceOf(IOException.class).hasMessageContaining("b[2, 2]").hasMessageContaining("b[2, 3]");
      }
      assertThatThrownBy(() -> new ParameterSet(List.of(a, a))).hasMessageContaining("given twice");
    }
  }

  @Test
  void gemmWithOffsetsAndTransposes() {
    // A = [[1,2],[3,4]] stored after one junk element; B^T used.
    try (FloatTensor a = FloatTensor.of(new float[] {9, 1, 2, 3, 4}, 5);
        FloatTensor b = FloatTensor.of(new float[] {1, 0, 1, 1}, 4);
        FloatTensor c = FloatTensor.zeros(4)) {
      Blas.gemm(false, true, 2, 2, 2, 1f, a, 1, 2, b, 0, 2, 0f, c, 0, 2);
      // B = [[1,0],[1,1]], B^T = [[1,1],[0,1]]: A B^T = [[1,3],[3,7]].
      assertThat(c.toArray()).containsExactly(1f, 3f, 3f, 7f);
    }
  }

  @Test
  void dropoutKeepsAboutTheRightShareAndIsSeeded() {
    DropoutRandom a = new DropoutRandom(5, 0.2);
    DropoutRandom b = new DropoutRandom(5, 0.2);
    int kept = 0;
    for (int i = 0; i < 100_000; i++) {
      boolean k = a.keep();
      assertThat(b.keep()).isEqualTo(k);
      kept += k ? 1 : 0;
    }
    assertThat(kept / 100_000.0).isCloseTo(0.8, within(0.005));
  }
}
