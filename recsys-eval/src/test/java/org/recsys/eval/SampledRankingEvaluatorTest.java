package org.recsys.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;

class SampledRankingEvaluatorTest {
  private static final int[] HIST_A = {1};
  private static final int[] HIST_B = {5};
  private final TableRecommender model = new TableRecommender(6)
      .put(HIST_A, 0.9f, 0.8f, 0.7f, 0.75f, 0.1f, 0.7f)
      .put(HIST_B, 0.5f, 0.9f, 0.1f, 0.2f, 0.95f, 0.3f);
  private final EvalSettings settings = EvalSettings.of(MetricSuite.rankingMetrics(1, 2)).withThreads(1);

  @Test
  void ranksOnlyTheCandidates() {
    List<EvalCase> cases = List.of(
        new EvalCase("a", HIST_A, new int[] {3}, new int[] {3, 5, 6, 2}),
        new EvalCase("b", HIST_B, new int[] {2, 6}, new int[] {6, 1, 2, 4}));
    EvaluationReport r = new SampledRankingEvaluator(settings.withProtocol("negatives", "uniform-3"))
        .evaluate(model, cases);
    // a: candidates score 3:0.7, 5:0.1, 6:0.7, 2:0.8 -> 2 and the tied 6 are at or above the target -> rank 3
    //    (item 4 at 0.75 would also beat it in a full ranking, but it is not a candidate).
    // b: 6:0.3, 1:0.5, 2:0.9, 4:0.2 -> target 2 first, target 6 below 1 -> ranks 1 and 3.
    assertThat(r.values("HR@2")).containsExactly(0, 1);
    assertThat(r.values("Accuracy")).containsExactly(0, 1);
    // b: Recall@2 = 1/2; NDCG@2 = 1 / (1 + 1/log2(3)) = 0.6131472.
    assertThat(r.values("Recall@2")).containsExactly(0, 0.5);
    assertThat(r.values("NDCG@2")[1]).isCloseTo(0.6131471928, within(1e-9));
    assertThat(r.protocol()).containsEntry("protocol", "sampled").containsEntry("candidates", "4")
        .containsEntry("negatives", "uniform-3").doesNotContainKey("excludeSeen");
  }

  @Test
  void candidateSetsOfDifferentSizesAreNamedAsARange() {
    List<EvalCase> cases = List.of(
        new EvalCase("a", HIST_A, new int[] {3}, new int[] {3, 5}),
        new EvalCase("b", HIST_B, new int[] {2}, new int[] {6, 1, 2, 4}));
    EvaluationReport r = new SampledRankingEvaluator(settings).evaluate(model, cases);
    assertThat(r.protocol()).containsEntry("candidates", "2..4");
    // a: 3 (0.7) beats 5 (0.1) -> rank 1; b: 2 (0.9) beats 6, 1, 4 -> rank 1.
    assertThat(r.mean("Accuracy")).isEqualTo(1);
  }

  @Test
  void constantScoresRankTheTargetLastAmongCandidates() {
    List<EvalCase> cases = List.of(new EvalCase("a", HIST_A, new int[] {3}, new int[] {2, 3, 4, 5, 6}));
    EvaluationReport r = new SampledRankingEvaluator(settings.withKs(5)).evaluate(new ConstantModel(6), cases);
    // Five tied candidates: the target is 5th. MRR@5 = 1/5, NDCG@5 = 1/log2(6) = 0.3868528.
    assertThat(r.values("MRR@5")).containsExactly(0.2);
    assertThat(r.values("NDCG@5")[0]).isCloseTo(0.3868528072, within(1e-9));
  }

  @Test
  void casesMustCarryValidCandidateSets() {
    SampledRankingEvaluator eval = new SampledRankingEvaluator(settings);
    assertThatThrownBy(() -> eval.evaluate(model, List.of(EvalCase.fullRanking("a", HIST_A, 3))))
        .hasMessageContaining("user a has no candidate set");
    assertThatThrownBy(() -> eval.evaluate(model, List.of(new EvalCase("a", HIST_A, new int[] {3},
        new int[] {3, 5, 5})))).hasMessageContaining("user a: candidate item 5 appears twice");
    assertThatThrownBy(() -> eval.evaluate(model, List.of(new EvalCase("a", HIST_A, new int[] {3},
        new int[] {3, 8})))).hasMessageContaining("user a: candidate item id 8 is out of range");
  }
}
