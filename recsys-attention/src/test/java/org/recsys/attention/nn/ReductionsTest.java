package org.recsys.attention.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReductionsTest {
  @Test
  void maxFindsTheLargestWhereverItSitsAndSkipsNans() {
    for (int n = 1; n <= 11; n++) {
      for (int at = 0; at < n; at++) {
        float[] x = new float[n + 1];
        for (int j = 0; j < n; j++) {
          x[j] = -j - 1f;
        }
        x[at] = 3.5f;
        // Past n: never read.
        x[n] = 100f;
        assertThat(Reductions.max(x, n)).as("n %d, largest at %d", n, at).isEqualTo(3.5f);
      }
    }
    assertThat(Reductions.max(new float[] {Float.NaN, -2f, Float.NaN, -7f, Float.NaN}, 5)).isEqualTo(-2f);
    assertThat(Reductions.max(new float[] {Float.NEGATIVE_INFINITY, 1f, Float.POSITIVE_INFINITY}, 3))
        .isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(Reductions.max(new float[] {5f}, 0)).isEqualTo(Float.NEGATIVE_INFINITY);
  }

  @Test
  void sumAddsTheLeadingElements() {
    // 1 + 2 + ... + 9 = 45, exact in floats; the tenth element is past n.
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1000};
    assertThat(Reductions.sum(x, 9)).isEqualTo(45f);
    assertThat(Reductions.sum(x, 0)).isZero();
  }
}
