package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.RankedCase;
import org.recsys.eval.RankingMetrics;

/** The harmonic mean of precision and recall at k (key {@code F1@k}); see {@link RankingMetrics#f1}. */
public record F1() implements CaseMetric {
  @Override
  public String name() {
    return "F1";
  }

  @Override
  public double value(RankedCase c, int k) {
    return RankingMetrics.f1(c.ranks(), c.targets(), k);
  }
}
