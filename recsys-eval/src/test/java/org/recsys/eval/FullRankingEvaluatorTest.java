package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.recsys.api.ConfigException;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.MetricSummary;
import org.junit.jupiter.api.Test;

class FullRankingEvaluatorTest {
  // Six items. Scores by item 1..6 for each user's history.
  private static final int[] HIST_A = {1, 2};
  private static final int[] HIST_B = {5};
  private static final int[] HIST_C = {3, 3, 4}; // item 3 again later: the target is a re-consumption
  private final TableRecommender model = new TableRecommender(6)
      .put(HIST_A, 0.9f, 0.8f, 0.7f, 0.75f, 0.1f, 0.7f)
      .put(HIST_B, 0.5f, 0.9f, 0.1f, 0.2f, 0.95f, 0.3f)
      .put(HIST_C, 0.2f, 0.1f, 0.6f, 0.9f, 0.6f, 0.0f);
  private final List<EvalCase> cases = List.of(
      EvalCase.fullRanking("a", HIST_A, 3),
      new EvalCase("b", HIST_B, new int[] {2, 6}, null),
      EvalCase.fullRanking("c", HIST_C, 3));

  private static EvalSettings settings(int... ks) {
    return EvalSettings.of(MetricSuite.rankingMetrics(ks)).withThreads(1);
  }

  @Test
  void knownAnswersWithSeenItemsExcluded() {
    EvaluationReport r = new FullRankingEvaluator(settings(1, 3)).evaluate(model, cases);
    // a: history 1, 2 excluded; competitors at or above 0.7 are 4 (0.75) and 6 (0.7, a tie) -> rank 3.
    // b: 5 excluded; target 2 (0.9) beats all -> 1; target 6 (0.3) is below 1 (0.5) -> 2 + 1 = 3.
    // c: 4 excluded, target 3 stays although it is in the history; 5 ties at 0.6 -> rank 2.
    assertThat(r.values("Accuracy")).containsExactly(0, 1, 0);
    assertThat(r.values("HR@1")).containsExactly(0, 1, 0);
    assertThat(r.values("HR@3")).containsExactly(1, 1, 1);
    // Precision@3: 1/3, 2/3, 1/3. Recall@1: 0, 1/2, 0.
    assertThat(r.values("Precision@3")).containsExactly(1.0 / 3, 2.0 / 3, 1.0 / 3);
    assertThat(r.values("Recall@1")).containsExactly(0, 0.5, 0);
    // F1@3: a 2*1/(3+1) = 0.5; b 2*2/(3+2) = 0.8; c 0.5.
    assertThat(r.values("F1@3")).containsExactly(0.5, 0.8, 0.5);
    // NDCG@3: a 1/log2(4) = 0.5; b (1 + 1/log2(4)) / (1 + 1/log2(3)) = 1.5 / 1.6309298 = 0.9197208;
    // c 1/log2(3) = 0.6309298. Mean = 2.0506506 / 3 = 0.6835502.
    double[] ndcg = r.values("NDCG@3");
    assertThat(ndcg[0]).isCloseTo(0.5, within(1e-9));
    assertThat(ndcg[1]).isCloseTo(0.9197207891, within(1e-9));
    assertThat(ndcg[2]).isCloseTo(0.6309297536, within(1e-9));
    assertThat(r.mean("NDCG@3")).isCloseTo(0.6835501809, within(1e-9));
    // MRR@3: 1/3, 1, 1/2 -> mean 0.6111. MAP@3: 1/3, (1/1 + 2/3)/2 = 0.8333, 1/2.
    assertThat(r.values("MRR@3")).containsExactly(1.0 / 3, 1, 0.5);
    assertThat(r.mean("MRR@3")).isCloseTo(11.0 / 18, within(1e-12));
    assertThat(r.values("MAP@3")[1]).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(r.cases()).isEqualTo(3);
  }

  @Test
  void withoutExclusionTheHistoryCompetes() {
    EvaluationReport r = new FullRankingEvaluator(settings(10), false).evaluate(model, cases);
    // a: 1, 2, 4, 6 at or above 0.7 -> rank 5; b: target 2 below 5 -> 2, target 6 below 5 and 1 -> 4;
    // c: 4 and 5 -> rank 3. MRR@10 = 1/5, 1/2, 1/3.
    assertThat(r.values("MRR@10")).containsExactly(0.2, 0.5, 1.0 / 3);
    assertThat(r.protocol()).containsEntry("excludeSeen", "false");
  }

  @Test
  void reportKeysAndProtocolAreComplete() {
    EvaluationReport r = new FullRankingEvaluator(settings(1, 3).withProtocol("split", "leave-one-out"))
        .evaluate(model, cases);
    assertThat(r.metrics().keySet()).containsExactly("Accuracy", "HR@1", "HR@3", "Precision@1", "Precision@3",
        "Recall@1", "Recall@3", "F1@1", "F1@3", "NDCG@1", "NDCG@3", "MRR@1", "MRR@3", "MAP@1", "MAP@3");
    assertThat(r.protocol()).containsExactly(Map.entry("protocol", "full"), Map.entry("excludeSeen", "true"),
        Map.entry("items", "6"), Map.entry("ties", "pessimistic"),
        Map.entry("ci", "percentile bootstrap 95%, 1000 resamples, seed 42"), Map.entry("split", "leave-one-out"));
  }

  @Test
  void coverageAndPopularityLookAtTheRecommendedItems() {
    double[] pop = {0, 10, 20, 30, 40, 50, 60};
    EvalSettings s = EvalSettings.of(new MetricSuite(List.of(Metric.COVERAGE, Metric.POPULARITY), List.of(1, 3)))
        .withThreads(1).withPopularity(ItemPopularity.of(pop));
    EvaluationReport r = new FullRankingEvaluator(s).evaluate(model, cases);
    // Top 3 with the history excluded (ties to the smaller id): a 4, 3, 6; b 2, 1, 6; c 3, 5, 1.
    // Coverage@1 = |{4, 2, 3}| / 6 = 0.5; Coverage@3 = |{1..6}| / 6 = 1.
    assertThat(r.mean("Coverage@1")).isEqualTo(0.5);
    assertThat(r.mean("Coverage@3")).isEqualTo(1.0);
    assertThat(r.metrics().get("Coverage@1")).isEqualTo(new MetricSummary(0.5, 0.5, 0.5));
    assertThat(r.perCase()).doesNotContainKey("Coverage@1");
    // Popularity@1: 40, 20, 30. Popularity@3: (40+30+60)/3, (20+10+60)/3, (30+50+10)/3 = 43.33, 30, 30.
    assertThat(r.values("Popularity@1")).containsExactly(40, 20, 30);
    assertThat(r.values("Popularity@3")).containsExactly(130.0 / 3, 30, 30);
  }

  @Test
  void popularityIsRequiredWhenAskedFor() {
    EvalSettings s = settings(1).withMetrics(Metric.POPULARITY);
    assertThatThrownBy(() -> new FullRankingEvaluator(s)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("Popularity needs item popularity");
    EvalSettings tooShort = s.withPopularity(ItemPopularity.of(new double[] {0, 1, 2}));
    assertThatThrownBy(() -> new FullRankingEvaluator(tooShort).evaluate(model, cases))
        .hasMessageContaining("covers items 1..2 but the recommender scores items 1..6");
  }

  @Test
  void aModelScoringEverythingEqualScoresZero() {
    int n = 200;
    SplittableRandom rng = new SplittableRandom(3);
    List<EvalCase> many = new ArrayList<>();
    for (int u = 0; u < 50; u++) {
      int[] history = {1 + rng.nextInt(n), 1 + rng.nextInt(n)};
      many.add(EvalCase.fullRanking("u" + u, history, 1 + rng.nextInt(n)));
    }
    EvaluationReport r = new FullRankingEvaluator(settings(1, 5, 10, 20, 100)).evaluate(new ConstantModel(n), many);
    // Every target ties with all other eligible items and is ranked last (>= 197th of 200): no hits at k <= 100.
    for (Map.Entry<String, MetricSummary> e : r.metrics().entrySet()) {
      assertThat(e.getValue().mean()).as(e.getKey()).isEqualTo(0);
    }
  }

  @Test
  void theSameResultForAnyBatchSizeAndThreadCount() {
    int n = 120;
    SplittableRandom rng = new SplittableRandom(11);
    TableRecommender big = new TableRecommender(n);
    List<EvalCase> many = new ArrayList<>();
    for (int u = 0; u < 300; u++) {
      int[] history = {u % n + 1, (u * 7) % n + 1, u / 3 + 1};
      float[] scores = new float[n];
      for (int i = 0; i < n; i++) {
        scores[i] = rng.nextInt(20); // coarse scores: many ties
      }
      big.put(history, scores);
      int[] targets = u % 4 == 0 ? new int[] {1 + (u * 13) % n, 1 + (u * 13 + 1) % n} : new int[] {1 + (u * 13) % n};
      many.add(new EvalCase("u" + u, history, targets, null));
    }
    EvalSettings base = EvalSettings.of(MetricSuite.allMetrics(1, 5, 10))
        .withPopularity(ItemPopularity.of(new double[n + 1]));
    EvaluationReport one = new FullRankingEvaluator(base.withThreads(1).withBatchSize(7)).evaluate(big, many);
    EvaluationReport three = new FullRankingEvaluator(base.withThreads(3).withBatchSize(50)).evaluate(big, many);
    assertThat(three.metrics()).isEqualTo(one.metrics());
    for (String key : one.perCase().keySet()) {
      assertThat(three.values(key)).as(key).containsExactly(one.values(key));
    }
    assertThat(big.largestBatch.get()).isEqualTo(50);
  }

  @Test
  void badInputIsNamed() {
    FullRankingEvaluator eval = new FullRankingEvaluator(settings(5));
    assertThatThrownBy(() -> eval.evaluate(model, List.of())).hasMessageContaining("no evaluation cases");
    assertThatThrownBy(() -> eval.evaluate(model, List.of(EvalCase.fullRanking("zed", HIST_A, 7))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user zed: target item id 7 is out of range");
    assertThatThrownBy(() -> eval.evaluate(model, List.of(EvalCase.fullRanking("yan", new int[] {9}, 2))))
        .hasMessageContaining("user yan: history item id 9 is out of range");
    TableRecommender nan = new TableRecommender(3).put(new int[] {1}, 0.1f, Float.NaN, 0.2f);
    assertThatThrownBy(() -> eval.evaluate(nan, List.of(EvalCase.fullRanking("xi", new int[] {1}, 2))))
        .hasMessageContaining("user xi: the recommender scored target item 2 NaN");
    assertThatThrownBy(() -> settings(5).withProtocol("protocol", "sampled"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("written by the evaluator itself");
  }

  @Test
  void aRowOfTheWrongLengthIsReported() {
    ConstantModel broken = new ConstantModel(5) {
      @Override
      public float[][] scoreAll(List<int[]> histories) {
        return new float[histories.size()][5];
      }
    };
    assertThatThrownBy(() -> new FullRankingEvaluator(settings(5))
        .evaluate(broken, List.of(EvalCase.fullRanking("w", new int[0], 1))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned a row of 5 scores for user w, expected 6");
  }

  @Test
  void bootstrapIntervalsAreSeeded() {
    EvaluationReport a = new FullRankingEvaluator(settings(3)).evaluate(model, cases);
    EvaluationReport b = new FullRankingEvaluator(settings(3)).evaluate(model, cases);
    assertThat(a.metrics()).isEqualTo(b.metrics());
    MetricSummary mrr = a.metrics().get("MRR@3");
    assertThat(mrr.ciLow()).isLessThan(mrr.mean());
    assertThat(mrr.ciHigh()).isGreaterThan(mrr.mean());
  }
}
