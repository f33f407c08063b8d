package org.recsys.attention.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DropoutRandomTest {
  @Test
  void fillDrawsTheSameStreamAsOneDecisionAtATime() {
    int threshold = DropoutRandom.threshold(0.3);
    float keepScale = 1f / 0.7f;
    DropoutRandom oneByOne = new DropoutRandom(17, 0.3);
    DropoutRandom filled = new DropoutRandom(17, 0.3);
    // Runs that start and end inside a 64-bit draw, shorter than one draw, and empty.
    int[] runs = {3, 1, 0, 10, 2, 7, 64, 5, 4, 1};
    float[] mask = new float[80];
    int kept = 0;
    int total = 0;
    for (int n : runs) {
      filled.fill(mask, 2, n, threshold, keepScale);
      for (int i = 0; i < n; i++) {
        float expected = oneByOne.keep(threshold) ? keepScale : 0f;
        assertThat(mask[2 + i]).as("run of %d, unit %d", n, i).isEqualTo(expected);
        kept += expected != 0f ? 1 : 0;
        total++;
      }
    }
    // The streams stay in step after the runs, and the decisions are not constant.
    assertThat(filled.keep(threshold)).isEqualTo(oneByOne.keep(threshold));
    assertThat(kept).isBetween(total / 2, total - 1);
  }

  @Test
  void fillRespectsTheThresholdItIsGiven() {
    DropoutRandom random = new DropoutRandom(5, 0.1);
    float[] mask = new float[1000];
    random.fill(mask, 0, mask.length, DropoutRandom.threshold(0), 2f);
    assertThat(mask).containsOnly(2f);
  }

  @Test
  void rejectsARateOutsideZeroToOne() {
    assertThatThrownBy(() -> DropoutRandom.threshold(1.0)).hasMessageContaining("[0, 1)");
  }
}
