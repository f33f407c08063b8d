package org.recsys.eval;

/**
 * A metric with one value per case, reported as the mean over cases with a bootstrap interval. Most metrics
 * read only where the targets landed ({@link RankedCase#ranks()}).
 */
public non-sealed interface CaseMetric extends Metric {
  /** True: reported per cutoff ({@code NAME@k}). */
  @Override
  default boolean hasCutoff() {
    return true;
  }

  /** False: reads only the ranks. */
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
   * The metric's value for one case.
   *
   * @param k the cutoff; 1 for a metric without one
   */
  double value(RankedCase rankedCase, int k);
}
