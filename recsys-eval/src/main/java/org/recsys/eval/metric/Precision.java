package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.RankedCase;
import org.recsys.eval.RankingMetrics;

/** Targets in the top k, divided by k (key {@code Precision@k}); see {@link RankingMetrics#precision}. */
public record Precision() implements CaseMetric {
  @Override
  public String name() {
    return "Precision";
  }

  @Override
  public double value(RankedCase c, int k) {
    return RankingMetrics.precision(c.ranks(), c.targets(), k);
  }
}
