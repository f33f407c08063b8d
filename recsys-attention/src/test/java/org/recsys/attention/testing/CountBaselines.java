package org.recsys.attention.testing;

import java.util.List;
import org.recsys.api.EvalCase;
import org.recsys.api.SequenceDataset;
import org.recsys.api.UserSequence;

/**
 * Count baselines for learning tests: popularity and a first-order Markov model (counts of last item -> next
 * item in training, ties broken by popularity), scored by HR@10 under full ranking with the history excluded,
 * as {@link RankEvaluator} ranks.
 */
public final class CountBaselines {
  private CountBaselines() {}

  /** Training interaction counts per item id. */
  public static float[] popularityScores(SequenceDataset train) {
    float[] s = new float[train.numItems() + 1];
    for (UserSequence u : train.users()) {
      for (int i = 0; i < u.length(); i++) {
        s[u.item(i)]++;
      }
    }
    return s;
  }

  /** HR@10 of one fixed score row for every case. */
  public static double popularityHitRate(SequenceDataset train, List<EvalCase> cases) {
    float[] scores = popularityScores(train);
    int hits = 0;
    for (EvalCase c : cases) {
      if (RankEvaluator.fullRank(scores, c.history(), c.targets()[0]) < RankEvaluator.K) {
        hits++;
      }
    }
    return hits / (double) cases.size();
  }

  /** HR@10 of the first-order Markov count model. */
  public static double markovHitRate(SequenceDataset train, List<EvalCase> cases) {
    int n = train.numItems();
    float[][] next = new float[n + 1][n + 1];
    for (UserSequence u : train.users()) {
      for (int i = 1; i < u.length(); i++) {
        next[u.item(i - 1)][u.item(i)]++;
      }
    }
    float[] pop = popularityScores(train);
    int hits = 0;
    for (EvalCase c : cases) {
      int[] h = c.history();
      float[] s = new float[n + 1];
      for (int item = 1; item <= n; item++) {
        s[item] = (h.length == 0 ? 0 : next[h[h.length - 1]][item]) + 1e-4f * pop[item];
      }
      if (RankEvaluator.fullRank(s, h, c.targets()[0]) < RankEvaluator.K) {
        hits++;
      }
    }
    return hits / (double) cases.size();
  }
}
