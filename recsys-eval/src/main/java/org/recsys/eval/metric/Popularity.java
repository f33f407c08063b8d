package org.recsys.eval.metric;

import org.recsys.eval.CaseMetric;
import org.recsys.eval.ItemPopularity;
import org.recsys.eval.RankedCase;

/**
 * The mean popularity of a case's top-k recommended items (key {@code Popularity@k}), averaged over cases; 0
 * for a case with nothing recommended. Needs an {@link ItemPopularity}, e.g. training counts.
 */
public record Popularity() implements CaseMetric {
  @Override
  public String name() {
    return "Popularity";
  }

  @Override
  public boolean needsTopItems() {
    return true;
  }

  @Override
  public boolean needsPopularity() {
    return true;
  }

  @Override
  public double value(RankedCase c, int k) {
    int[] top = c.topItems();
    int len = Math.min(k, top.length);
    if (len == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < len; i++) {
      sum += c.popularity().get(top[i]);
    }
    return sum / len;
  }
}
