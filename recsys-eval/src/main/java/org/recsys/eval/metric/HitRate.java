package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.RankedCase;
import org.recsys.eval.RankingMetrics;

/** Hit rate: 1 when at least one target is in the top k, else 0 (key {@code HR@k}); see {@link RankingMetrics#hitRate}. */
public record HitRate() implements CaseMetric {
  @Override
  public String name() {
    return "HR";
  }

  @Override
  public double value(RankedCase c, int k) {
    return RankingMetrics.hitRate(c.ranks(), c.targets(), k);
  }
}
