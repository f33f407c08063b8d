package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.RankedCase;
import org.recsys.eval.RankingMetrics;

/** The reciprocal rank of the best-ranked target, 0 beyond k; its mean is MRR (key {@code MRR@k}); see {@link RankingMetrics#reciprocalRank}. */
public record ReciprocalRank() implements CaseMetric {
  @Override
  public String name() {
    return "MRR";
  }

  @Override
  public double value(RankedCase c, int k) {
    return RankingMetrics.reciprocalRank(c.ranks(), c.targets(), k);
  }
}
