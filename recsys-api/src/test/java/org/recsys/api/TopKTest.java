package org.recsys.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {
  @Test
  void selectsBestFirstSkippingPaddingAndExcluded() {
    float[] scores = {99f, 0.1f, 0.9f, 0.5f, 0.7f};
    assertThat(TopK.select(scores, 3, null)).containsExactly(2, 4, 3);
    boolean[] excluded = {false, false, true, false, false};
    assertThat(TopK.select(scores, 2, excluded)).containsExactly(4, 3);
  }

  @Test
  void kLargerThanItemsReturnsAllEligible() {
    float[] scores = {0f, 1f, Float.NEGATIVE_INFINITY, 3f};
    assertThat(TopK.select(scores, 10, null)).containsExactly(3, 1);
    assertThat(TopK.select(scores, 0, null)).isEmpty();
  }

  @Test
  void tiesGoToTheSmallerId() {
    float[] scores = {0f, 1f, 1f, 1f, 2f};
    assertThat(TopK.select(scores, 3, null)).containsExactly(4, 1, 2);
  }

  @Test
  void agreesWithAFullSortOnRandomRows() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(60);
      float[] scores = new float[n + 1];
      for (int i = 1; i <= n; i++) {
        scores[i] = rnd.nextInt(10) / 2f;
      }
      int k = rnd.nextInt(n + 3);
      int[] expected = IntStream.rangeClosed(1, n).boxed()
          .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
          .limit(k).mapToInt(Integer::intValue).toArray();
      assertThat(TopK.select(scores, k, null)).as("trial %d scores %s", trial, Arrays.toString(scores))
          .containsExactly(expected);
    }
  }
}
