package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.RankedCase;
import org.recsys.eval.RankingMetrics;

/** 1 when the top-ranked item is a target, else 0 (key {@code Accuracy}, no cutoff; equals {@code HR@1}). */
public record Accuracy() implements CaseMetric {
  @Override
  public String name() {
    return "Accuracy";
  }

  @Override
  public boolean hasCutoff() {
    return false;
  }

  @Override
  public double value(RankedCase c, int k) {
    return RankingMetrics.accuracy(c.ranks(), c.targets());
  }
}
