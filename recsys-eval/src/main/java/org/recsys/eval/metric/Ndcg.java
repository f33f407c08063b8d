package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.RankedCase;
import org.recsys.eval.RankingMetrics;

/** Normalised discounted cumulative gain at k, binary gains (key {@code NDCG@k}); see {@link RankingMetrics#ndcg}. */
public record Ndcg() implements CaseMetric {
  @Override
  public String name() {
    return "NDCG";
  }

  @Override
  public double value(RankedCase c, int k) {
    return RankingMetrics.ndcg(c.ranks(), c.targets(), k);
  }
}
