package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final Offset<Double> EPS = within(1e-9);

  @Test
  void singleTargetAtRankThree() {
    int[] ranks = {3};
    // k = 5: one hit. Precision = 1/5, Recall = 1/1, F1 = 2*1/(5+1) = 1/3,
    // NDCG = (1/log2(3+1)) / (1/log2(2)) = 0.5 / 1, MRR = 1/3, MAP = (1/3) / min(1,5) = 1/3.
    assertThat(RankingMetrics.accuracy(ranks, 1)).isEqualTo(0);
    assertThat(RankingMetrics.hitRate(ranks, 1, 5)).isEqualTo(1);
    assertThat(RankingMetrics.precision(ranks, 1, 5)).isCloseTo(0.2, EPS);
    assertThat(RankingMetrics.recall(ranks, 1, 5)).isEqualTo(1);
    assertThat(RankingMetrics.f1(ranks, 1, 5)).isCloseTo(1.0 / 3, EPS);
    assertThat(RankingMetrics.ndcg(ranks, 1, 5)).isCloseTo(0.5, EPS);
    assertThat(RankingMetrics.reciprocalRank(ranks, 1, 5)).isCloseTo(1.0 / 3, EPS);
    assertThat(RankingMetrics.averagePrecision(ranks, 1, 5)).isCloseTo(1.0 / 3, EPS);
    // k = 2: the target is below the cutoff, every metric is 0.
    for (Metric m : Metric.rankingMetrics()) {
      assertThat(RankingMetrics.value(m, ranks, 1, 2)).as(m.name()).isEqualTo(0);
    }
  }

  @Test
  void singleTargetAtTopScoresOneEverywhereExceptPrecisionAboveOne() {
    int[] ranks = {1};
    assertThat(RankingMetrics.accuracy(ranks, 1)).isEqualTo(1);
    for (Metric m : Metric.rankingMetrics()) {
      assertThat(RankingMetrics.value(m, ranks, 1, 1)).as(m.name()).isEqualTo(1);
    }
    // k = 10: Precision = 1/10, F1 = 2*1/(10+1) = 2/11; the rest stay 1.
    assertThat(RankingMetrics.precision(ranks, 1, 10)).isCloseTo(0.1, EPS);
    assertThat(RankingMetrics.f1(ranks, 1, 10)).isCloseTo(2.0 / 11, EPS);
    assertThat(RankingMetrics.ndcg(ranks, 1, 10)).isEqualTo(1);
  }

  @Test
  void withOneTargetRecallIsHitRateAndPrecisionIsHitRateOverK() {
    for (int rank = 1; rank <= 30; rank++) {
      for (int k : new int[] {1, 5, 10, 20}) {
        int[] r = {rank};
        double hr = RankingMetrics.hitRate(r, 1, k);
        assertThat(RankingMetrics.recall(r, 1, k)).isEqualTo(hr);
        assertThat(RankingMetrics.precision(r, 1, k)).isCloseTo(hr / k, EPS);
      }
    }
  }

  @Test
  void threeTargetsAtRanksOneThreeSix() {
    int[] ranks = {1, 3, 6};
    // k = 5: hits at 1 and 3. P = 2/5, R = 2/3, F1 = 2*2/(5+3) = 0.5.
    assertThat(RankingMetrics.hits(ranks, 3, 5)).isEqualTo(2);
    assertThat(RankingMetrics.accuracy(ranks, 3)).isEqualTo(1);
    assertThat(RankingMetrics.hitRate(ranks, 3, 5)).isEqualTo(1);
    assertThat(RankingMetrics.precision(ranks, 3, 5)).isCloseTo(0.4, EPS);
    assertThat(RankingMetrics.recall(ranks, 3, 5)).isCloseTo(2.0 / 3, EPS);
    assertThat(RankingMetrics.f1(ranks, 3, 5)).isCloseTo(0.5, EPS);
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal over min(3,5) = 3 hits: 1 + 1/log2(3) + 1/log2(4) = 2.1309298;
    // NDCG = 1.5 / 2.1309298 = 0.7039181.
    assertThat(RankingMetrics.ndcg(ranks, 3, 5)).isCloseTo(0.7039180890, within(1e-9));
    assertThat(RankingMetrics.reciprocalRank(ranks, 3, 5)).isEqualTo(1);
    // AP = (1/1 + 2/3) / min(3,5) = 1.6667 / 3 = 0.5556.
    assertThat(RankingMetrics.averagePrecision(ranks, 3, 5)).isCloseTo((1 + 2.0 / 3) / 3, EPS);

    // k = 10: all three hit. P = 0.3, R = 1, F1 = 2*3/13; DCG = 1.5 + 1/log2(7) = 1.8562072, NDCG = 0.8710785;
    // AP = (1/1 + 2/3 + 3/6) / 3 = 0.7222.
    assertThat(RankingMetrics.precision(ranks, 3, 10)).isCloseTo(0.3, EPS);
    assertThat(RankingMetrics.recall(ranks, 3, 10)).isEqualTo(1);
    assertThat(RankingMetrics.f1(ranks, 3, 10)).isCloseTo(6.0 / 13, EPS);
    assertThat(RankingMetrics.ndcg(ranks, 3, 10)).isCloseTo(0.8710785440, within(1e-9));
    assertThat(RankingMetrics.averagePrecision(ranks, 3, 10)).isCloseTo((1 + 2.0 / 3 + 0.5) / 3, EPS);

    // k = 2: one hit; the ideal DCG only counts min(3,2) = 2 slots: 1 + 1/log2(3) = 1.6309298,
    // NDCG = 1 / 1.6309298 = 0.6131472; AP = (1/1) / min(3,2) = 0.5; P = 1/2; R = 1/3.
    assertThat(RankingMetrics.ndcg(ranks, 3, 2)).isCloseTo(0.6131471928, within(1e-9));
    assertThat(RankingMetrics.averagePrecision(ranks, 3, 2)).isCloseTo(0.5, EPS);
    assertThat(RankingMetrics.precision(ranks, 3, 2)).isCloseTo(0.5, EPS);
    assertThat(RankingMetrics.recall(ranks, 3, 2)).isCloseTo(1.0 / 3, EPS);
  }

  @Test
  void perfectMultiTargetRankingScoresOne() {
    int[] ranks = {1, 2, 3};
    assertThat(RankingMetrics.ndcg(ranks, 3, 10)).isCloseTo(1, EPS);
    assertThat(RankingMetrics.averagePrecision(ranks, 3, 10)).isCloseTo(1, EPS);
    assertThat(RankingMetrics.ndcg(ranks, 3, 2)).isCloseTo(1, EPS);
    assertThat(RankingMetrics.averagePrecision(ranks, 3, 2)).isCloseTo(1, EPS);
  }

  @Test
  void targetsMissingFromTheRankingCountAsMisses() {
    // Two targets, only one ranked, at 4. k = 10: R = 1/2, P = 1/10, MRR = 1/4,
    // NDCG = (1/log2(5)) / (1 + 1/log2(3)) = 0.4306766 / 1.6309298 = 0.2640681, AP = (1/4) / 2 = 0.125.
    int[] ranks = {4};
    assertThat(RankingMetrics.recall(ranks, 2, 10)).isCloseTo(0.5, EPS);
    assertThat(RankingMetrics.precision(ranks, 2, 10)).isCloseTo(0.1, EPS);
    assertThat(RankingMetrics.reciprocalRank(ranks, 2, 10)).isCloseTo(0.25, EPS);
    assertThat(RankingMetrics.ndcg(ranks, 2, 10)).isCloseTo(0.2640681226, within(1e-9));
    assertThat(RankingMetrics.averagePrecision(ranks, 2, 10)).isCloseTo(0.125, EPS);
    // No target ranked at all: everything is 0.
    for (Metric m : Metric.rankingMetrics()) {
      assertThat(RankingMetrics.value(m, new int[0], 2, 10)).as(m.name()).isEqualTo(0);
    }
  }

  @Test
  void kLargerThanTheRankingStillDividesPrecisionByK() {
    // A 3-item ranking with the target second, k = 20: P = 1/20 (as trec_eval), NDCG = 1/log2(3) = 0.6309298.
    int[] ranks = {2};
    assertThat(RankingMetrics.precision(ranks, 1, 20)).isCloseTo(0.05, EPS);
    assertThat(RankingMetrics.ndcg(ranks, 1, 20)).isCloseTo(0.6309297536, within(1e-9));
    assertThat(RankingMetrics.hitRate(ranks, 1, 20)).isEqualTo(1);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> RankingMetrics.ndcg(new int[] {1}, 1, 0)).hasMessageContaining("k must be >= 1");
    assertThatThrownBy(() -> RankingMetrics.ndcg(new int[] {1, 2}, 1, 5)).hasMessageContaining("2 ranks for 1");
    assertThatThrownBy(() -> RankingMetrics.ndcg(new int[] {3, 2}, 2, 5)).hasMessageContaining("ascending");
    assertThatThrownBy(() -> RankingMetrics.ndcg(new int[] {0}, 1, 5)).hasMessageContaining("1-based");
    assertThatThrownBy(() -> RankingMetrics.value(Metric.COVERAGE, new int[] {1}, 1, 5))
        .hasMessageContaining("not computed from target ranks");
  }
}
