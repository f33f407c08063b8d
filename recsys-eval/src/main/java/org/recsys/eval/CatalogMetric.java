package org.recsys.eval;

import java.util.List;

/**
 * A metric with one value for the whole evaluation rather than one per case, such as catalog coverage. It is
 * reported as a zero-width interval and has no per-case values.
 */
public non-sealed interface CatalogMetric extends Metric {
  /** True: reported per cutoff ({@code NAME@k}). */
  @Override
  default boolean hasCutoff() {
    return true;
  }

  /** False. */
  @Override
  default boolean needsTopItems() {
    return false;
  }

  /** False. */
  @Override
  default boolean needsPopularity() {
    return false;
  }

  /**
   * The metric's value over all cases.
   *
   * @param numItems the number of items the recommender scores (ids {@code 1..numItems})
   * @param k the cutoff; 1 for a metric without one
   */
  double value(List<RankedCase> cases, int numItems, int k);
}
