package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.RankedCase;
import org.recsys.eval.RankingMetrics;

/** Average precision at k, normalised by {@code min(|targets|, k)}; its mean is MAP (key {@code MAP@k}); see {@link RankingMetrics#averagePrecision}. */
public record AveragePrecision() implements CaseMetric {
  @Override
  public String name() {
    return "MAP";
  }

  @Override
  public double value(RankedCase c, int k) {
    return RankingMetrics.averagePrecision(c.ranks(), c.targets(), k);
  }
}
