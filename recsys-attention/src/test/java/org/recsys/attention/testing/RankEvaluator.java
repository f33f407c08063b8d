package org.recsys.attention.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recsys.api.EvalCase;
import org.recsys.api.EvaluationReport;
import org.recsys.api.Evaluator;
import org.recsys.api.MetricSummary;
import org.recsys.api.Recommender;

/**
 * A small test-only evaluator: HR@10 and NDCG@10 from the rank of each case's single target, ranked against
 * all items (history excluded, target always kept) or against the case's candidates. Ties count against the
 * target. Enough to validate and to compare models in tests without depending on recsys-eval.
 */
public final class RankEvaluator implements Evaluator {
  public static final int K = 10;

  @Override
  public EvaluationReport evaluate(Recommender recommender, List<EvalCase> cases) {
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no cases");
    }
    double[] hr = new double[cases.size()];
    double[] ndcg = new double[cases.size()];
    for (int c0 = 0; c0 < cases.size(); c0 += 256) {
      List<EvalCase> batch = cases.subList(c0, Math.min(cases.size(), c0 + 256));
      List<int[]> histories = new ArrayList<>();
      for (EvalCase c : batch) {
        histories.add(c.history());
      }
      boolean sampled = batch.get(0).hasCandidates();
      float[][] scores;
      if (sampled) {
        int[][] cand = new int[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
          cand[i] = batch.get(i).candidates();
        }
        scores = recommender.scoreCandidates(histories, cand);
      } else {
        scores = recommender.scoreAll(histories);
      }
      for (int i = 0; i < batch.size(); i++) {
        EvalCase c = batch.get(i);
        int target = c.targets()[0];
        int rank = sampled ? sampledRank(scores[i], c.candidates(), target) : fullRank(scores[i], c.history(), target);
        hr[c0 + i] = rank < K ? 1 : 0;
        ndcg[c0 + i] = rank < K ? 1 / (Math.log(rank + 2) / Math.log(2)) : 0;
      }
    }
    Map<String, MetricSummary> metrics = new LinkedHashMap<>();
    metrics.put("HR@10", summary(hr));
    metrics.put("NDCG@10", summary(ndcg));
    Map<String, double[]> perCase = new LinkedHashMap<>();
    perCase.put("HR@10", hr);
    perCase.put("NDCG@10", ndcg);
    return new EvaluationReport(Map.of("protocol", "test-rank"), metrics, perCase, cases.size());
  }

  /** 0-based rank of the target among all items except padding and the history. */
  public static int fullRank(float[] scores, int[] history, int target) {
    boolean[] seen = new boolean[scores.length];
    for (int h : history) {
      seen[h] = true;
    }
    float s = scores[target];
    int rank = 0;
    for (int item = 1; item < scores.length; item++) {
      if (item != target && !seen[item] && scores[item] >= s) {
        rank++;
      }
    }
    return rank;
  }

  private static int sampledRank(float[] scores, int[] candidates, int target) {
    float s = 0;
    for (int j = 0; j < candidates.length; j++) {
      if (candidates[j] == target) {
        s = scores[j];
      }
    }
    int rank = 0;
    for (int j = 0; j < candidates.length; j++) {
      if (candidates[j] != target && scores[j] >= s) {
        rank++;
      }
    }
    return rank;
  }

  private static MetricSummary summary(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    return new MetricSummary(mean, mean, mean);
  }
}
