package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.RankedCase;
import org.recsys.eval.RankingMetrics;

/** Targets in the top k, divided by the number of targets (key {@code Recall@k}); see {@link RankingMetrics#recall}. */
public record Recall() implements CaseMetric {
  @Override
  public String name() {
    return "Recall";
  }

  @Override
  public double value(RankedCase c, int k) {
    return RankingMetrics.recall(c.ranks(), c.targets(), k);
  }
}
