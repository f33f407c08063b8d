package org.recsys.baselines;

import java.util.ArrayList;
import java.util.List;
import org.recsys.api.EvalCase;
import org.recsys.api.Recommender;

/**
 * HR@k and NDCG@k of single-target cases, computed from the target's rank with pessimistic ties (every other
 * item scoring at least as high ranks above it). Full ranking leaves the history's items out; cases with
 * candidates rank the candidates only. Kept here so the baselines' tests do not depend on recsys-eval.
 */
public final class RankMetrics {
  /** Mean HR@k and NDCG@k. */
  public record Result(double hitRate, double ndcg, int cases) {}

  private RankMetrics() {}

  public static Result evaluate(Recommender model, List<EvalCase> cases, int k) {
    double hits = 0;
    double ndcg = 0;
    int batch = 256;
    for (int from = 0; from < cases.size(); from += batch) {
      List<EvalCase> part = cases.subList(from, Math.min(cases.size(), from + batch));
      List<int[]> histories = new ArrayList<>(part.size());
      for (EvalCase c : part) {
        histories.add(c.history());
      }
      boolean sampled = part.get(0).hasCandidates();
      float[][] rows;
      if (sampled) {
        int[][] cand = new int[part.size()][];
        for (int i = 0; i < part.size(); i++) {
          cand[i] = part.get(i).candidates();
        }
        rows = model.scoreCandidates(histories, cand);
      } else {
        rows = model.scoreAll(histories);
      }
      for (int i = 0; i < part.size(); i++) {
        EvalCase c = part.get(i);
        int target = c.targets()[0];
        int rank = sampled ? sampledRank(rows[i], c.candidates(), target) : fullRank(rows[i], c.history(), target);
        if (rank <= k) {
          hits++;
          ndcg += 1.0 / (Math.log(rank + 1) / Math.log(2));
        }
      }
    }
    return new Result(hits / cases.size(), ndcg / cases.size(), cases.size());
  }

  /** 1-based pessimistic rank of {@code target} among all items not in {@code history}. */
  public static int fullRank(float[] row, int[] history, int target) {
    boolean[] seen = new boolean[row.length];
    for (int h : history) {
      seen[h] = true;
    }
    float s = row[target];
    int rank = 1;
    for (int j = 1; j < row.length; j++) {
      if (j != target && !seen[j] && row[j] >= s) {
        rank++;
      }
    }
    return rank;
  }

  static int sampledRank(float[] scores, int[] candidates, int target) {
    float s = 0;
    for (int j = 0; j < candidates.length; j++) {
      if (candidates[j] == target) {
        s = scores[j];
      }
    }
    int rank = 1;
    for (int j = 0; j < candidates.length; j++) {
      if (candidates[j] != target && scores[j] >= s) {
        rank++;
      }
    }
    return rank;
  }
}
