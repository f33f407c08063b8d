package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PessimisticRankTest {
  private static final float NEG_INF = Float.NEGATIVE_INFINITY;

  @Test
  void singleTargetCountsItemsScoringAtLeastAsHigh() {
    // Items 1..6 (column 0 is padding). Target 4 scores 0.5; items 2 (0.9) and 5 (0.5, tied) count above it.
    float[] row = {NEG_INF, 0.1f, 0.9f, 0.2f, 0.5f, 0.5f, 0.3f};
    assertThat(PessimisticRank.ranks(row, 1, new int[] {4}, new int[0])).containsExactly(3);
  }

  @Test
  void excludedItemsDoNotCompete() {
    float[] row = {NEG_INF, 0.1f, 0.9f, 0.2f, 0.5f, 0.5f, 0.3f};
    // Excluding 2 and 5 leaves nobody at or above 0.5.
    assertThat(PessimisticRank.ranks(row, 1, new int[] {4}, new int[] {2, 5})).containsExactly(1);
    // Excluding an item below the target changes nothing.
    assertThat(PessimisticRank.ranks(row, 1, new int[] {4}, new int[] {1})).containsExactly(3);
  }

  @Test
  void allEqualScoresRankTheTargetLast() {
    float[] row = new float[101];
    row[0] = NEG_INF;
    // 100 items, all 0: 99 competitors tie with the target, so it is ranked 100th.
    assertThat(PessimisticRank.ranks(row, 1, new int[] {37}, new int[0])).containsExactly(100);
    // With 10 items excluded it is last among the 90 remaining.
    int[] excluded = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(PessimisticRank.ranks(row, 1, new int[] {37}, excluded)).containsExactly(90);
    // Two targets among 100 equal items: 98 competitors sit above both, the targets take 99 and 100.
    assertThat(PessimisticRank.ranks(row, 1, new int[] {37, 50}, new int[0])).containsExactly(99, 100);
  }

  @Test
  void multipleTargetsTakeConsecutivePositionsAmongCompetitors() {
    // Items 1..7. Targets 1 (0.8), 3 (0.4), 6 (0.4). Competitors: 2 (0.9), 4 (0.4), 5 (0.1), 7 (0.6).
    float[] row = {NEG_INF, 0.8f, 0.9f, 0.4f, 0.4f, 0.1f, 0.4f, 0.6f};
    // Best target 1: competitor 2 above -> rank 1 + 1 = 2.
    // Targets 3 and 6 tie at 0.4: competitors 2, 7, 4 are at or above -> ranks 2 + 3 = 5 and 3 + 3 = 6.
    assertThat(PessimisticRank.ranks(row, 1, new int[] {6, 3, 1}, new int[0])).containsExactly(2, 5, 6);
    // Excluding competitor 4 moves both tied targets up one.
    assertThat(PessimisticRank.ranks(row, 1, new int[] {6, 3, 1}, new int[] {4})).containsExactly(2, 4, 5);
  }

  @Test
  void nanCompetitorsCountAgainstTheTargetAndNanTargetsAreRejected() {
    float[] row = {NEG_INF, Float.NaN, 0.2f, 0.5f};
    assertThat(PessimisticRank.ranks(row, 1, new int[] {3}, new int[0])).containsExactly(2);
    assertThat(PessimisticRank.ranks(row, 1, new int[] {3, 2}, new int[0])).containsExactly(2, 3);
    assertThatThrownBy(() -> PessimisticRank.ranks(row, 1, new int[] {1}, new int[0]))
        .hasMessageContaining("NaN");
  }

  @Test
  void negativeInfinityTargetIsRankedBelowEverything() {
    float[] row = {NEG_INF, NEG_INF, 0.2f, NEG_INF};
    // Target 1 at -inf ties with item 3 and is below item 2: rank 3.
    assertThat(PessimisticRank.ranks(row, 1, new int[] {1}, new int[0])).containsExactly(3);
  }

  @Test
  void candidateRowsStartAtZero() {
    float[] scores = {0.3f, 0.7f, 0.3f};
    assertThat(PessimisticRank.ranks(scores, 0, new int[] {0}, new int[0])).containsExactly(3);
    assertThat(PessimisticRank.ranks(scores, 0, new int[] {1}, new int[0])).containsExactly(1);
  }

  @Test
  void agreesWithSortingWhenTargetsGoLastAmongTies() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(40);
      float[] row = new float[n + 1];
      row[0] = NEG_INF;
      for (int i = 1; i <= n; i++) {
        row[i] = rng.nextInt(5); // few distinct values: many ties
      }
      int[] perm = shuffled(n, rng);
      int m = 1 + rng.nextInt(Math.min(n, 5));
      int e = rng.nextInt(n - m + 1);
      int[] targets = Arrays.copyOfRange(perm, 0, m);
      int[] excluded = Arrays.copyOfRange(perm, m, m + e);
      assertThat(PessimisticRank.ranks(row, 1, targets, excluded))
          .as("trial %d", trial).containsExactly(bySorting(row, targets, excluded));
    }
  }

  /** Sorts the eligible items by score descending, non-targets before targets among ties. */
  private static int[] bySorting(float[] row, int[] targets, int[] excluded) {
    boolean[] isTarget = new boolean[row.length];
    boolean[] isExcluded = new boolean[row.length];
    for (int t : targets) {
      isTarget[t] = true;
    }
    for (int x : excluded) {
      isExcluded[x] = true;
    }
    Integer[] items = java.util.stream.IntStream.range(1, row.length).filter(i -> !isExcluded[i]).boxed()
        .toArray(Integer[]::new);
    Arrays.sort(items, (a, b) -> row[a] != row[b] ? Float.compare(row[b], row[a])
        : Boolean.compare(isTarget[a], isTarget[b]));
    int[] out = new int[targets.length];
    int j = 0;
    for (int p = 0; p < items.length; p++) {
      if (isTarget[items[p]]) {
        out[j++] = p + 1;
      }
    }
    return out;
  }

  private static int[] shuffled(int n, SplittableRandom rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i + 1;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
