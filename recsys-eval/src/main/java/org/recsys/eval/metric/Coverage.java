package org.recsys.eval.metric;

import java.util.List;
import org.recsys.eval.CatalogMetric;
import org.recsys.eval.RankedCase;

/**
 * Catalog coverage (key {@code Coverage@k}): the share of items {@code 1..numItems} found in at least one case's
 * top k. One number for the whole evaluation, not a mean over cases.
 */
public record Coverage() implements CatalogMetric {
  @Override
  public String name() {
    return "Coverage";
  }

  @Override
  public boolean needsTopItems() {
    return true;
  }

  @Override
  public double value(List<RankedCase> cases, int numItems, int k) {
    boolean[] seen = new boolean[numItems + 1];
    int distinct = 0;
    for (RankedCase c : cases) {
      int[] top = c.topItems();
      for (int i = 0; i < Math.min(k, top.length); i++) {
        if (!seen[top[i]]) {
          seen[top[i]] = true;
          distinct++;
        }
      }
    }
    return (double) distinct / numItems;
  }
}
