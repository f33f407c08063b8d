package org.recsys.eval;

import java.util.List;

/**
 * A metric with one value for the whole evaluation rather than one per case, such as catalog coverage. It is
 * reported as a zero-width interval and has no per-case values.
 */
public non-sealed interface CatalogMetric extends Metric {
  /**
   * The metric's value over all cases.
   *
   * @param numItems the number of items the recommender scores (ids {@code 1..numItems})
   * @param k the cutoff; 1 for a metric without one
   */
  double value(List<RankedCase> cases, int numItems, int k);
}
